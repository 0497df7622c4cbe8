using System.Globalization;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Tests;

/// <summary>
/// Everything a bot did, one line per order update, fill and equity point, plus its final cash and
/// position: two runs are the same run exactly when their transcripts are equal.
/// </summary>
public sealed class RunTranscript : IEngineEventSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Subscribes a transcript before the bot's first event.</summary>
    public static async Task<RunTranscript> Attach(Bot bot)
    {
        var transcript = new RunTranscript();
        await bot.InvokeAsync(pipeline =>
        {
            pipeline.Events.Subscribe(transcript);
            return true;
        });
        return transcript;
    }

    /// <summary>Adds the final cash, equity and position; call after the bot completed.</summary>
    public void Close(Bot bot)
    {
        var portfolio = bot.Pipeline.Portfolio;
        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"end cash={portfolio.Cash} equity={portfolio.Equity} position={portfolio.GetPosition(Streams.Btc)}"));
    }

    public void OnOrderUpdate(string ownerId, in OrderSnapshot order) => _lines.Add($"{ownerId} order {order}");

    public void OnFill(string ownerId, in Fill fill) => _lines.Add($"{ownerId} fill {fill}");

    public void OnEquity(long time, decimal equity) => _lines.Add(string.Create(CultureInfo.InvariantCulture, $"{time} equity {equity}"));
}
