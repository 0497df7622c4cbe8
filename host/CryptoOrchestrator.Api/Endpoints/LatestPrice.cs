namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The latest close of a symbol a bot saw.</summary>
/// <param name="Symbol">The instrument's symbol.</param>
/// <param name="Price">The close, exact.</param>
/// <param name="TimeMs">The bar's close time, Unix ms.</param>
internal sealed record LatestPrice(string Symbol, decimal Price, long TimeMs);
