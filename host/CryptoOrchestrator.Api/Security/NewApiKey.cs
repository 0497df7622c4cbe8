namespace CryptoOrchestrator.Api.Security;

/// <summary>A freshly made API key: <see cref="Key"/> is shown once to its owner; only <see cref="Prefix"/> and <see cref="Hash"/> are stored.</summary>
/// <param name="Key">The whole key, <c>co_PREFIX_SECRET</c>.</param>
/// <param name="Prefix">The public part that finds the stored record.</param>
/// <param name="Hash">The SHA-256 of the whole key, hex.</param>
public sealed record NewApiKey(string Key, string Prefix, string Hash);
