using System.Text.Json;

namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>One event frame as a WebSocket client received it.</summary>
public sealed record StreamedEvent(long Sequence, string Type, long TimeMs, JsonElement Payload)
{
    public bool EndsRun => Type == "bot-state" && Payload.GetProperty("status").GetString() is "Stopped" or "Failed";
}
