namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// A strategy fault the pipeline contained. Strings only: holding the exception would hold the
/// plugin's types, and with them its collectible load context, alive.
/// </summary>
/// <param name="PluginId">The strategy that threw.</param>
/// <param name="Phase">The callback it threw from (see <see cref="CallbackPhases"/>).</param>
/// <param name="ExceptionType">The full name of the exception's type.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="Detail">The exception as text, with its stack trace and inner exceptions.</param>
/// <param name="TimeMs">Pipeline time of the fault, Unix epoch ms.</param>
public sealed record PluginFault(string PluginId, string Phase, string ExceptionType, string Message, string Detail, long TimeMs);
