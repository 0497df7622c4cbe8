namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The body of POST /api/exchange-accounts; the secret is encrypted before it is stored and never returned.</summary>
internal sealed record NewExchangeAccount(string? Name, string? Exchange, string? ApiKey, string? Secret);
