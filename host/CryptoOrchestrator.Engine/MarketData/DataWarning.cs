namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>Something in a data file that was accepted but deserves a look, such as a gap in the bars.</summary>
/// <param name="FilePath">The file the warning is about.</param>
/// <param name="Line">1-based line in that file (0 when the warning is about the whole file).</param>
/// <param name="Message">What was found, in words.</param>
public sealed record DataWarning(string FilePath, long Line, string Message);
