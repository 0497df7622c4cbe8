using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>What a pending bot event carries; the publisher turns it into a bus event.</summary>
internal enum PendingBotEventKind : byte
{
    Order,
    Fill,
    Position,
    Equity,

    /// <summary>Already described (type and JSON): life-cycle and plugin events from off the bot's thread.</summary>
    Prepared,
}

/// <summary>
/// A bot event on its way from the bot's thread to the bus, as plain values: handing it over copies a
/// struct into a pre-allocated ring and allocates nothing; the publisher writes the JSON.
/// </summary>
internal readonly record struct PendingBotEvent(
    PendingBotEventKind Kind,
    long TimeMs,
    string? Owner = null,
    OrderSnapshot Order = default,
    Fill Fill = default,
    Position Position = default,
    decimal Equity = 0m,
    decimal Cash = 0m,
    string? PreparedType = null,
    string? PreparedJson = null);
