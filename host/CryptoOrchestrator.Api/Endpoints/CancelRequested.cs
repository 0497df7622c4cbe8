namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The answer to a cancel: the bot was asked; the outcome arrives as the order's next event.</summary>
internal sealed record CancelRequested(string BotId, long ClientOrderId);
