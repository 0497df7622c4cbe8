namespace CryptoOrchestrator.Host.Bench;

/// <summary>
/// What the fan-out bench measured: publish-to-receipt latency of every delivered message (seconds, sorted), how many
/// were expected, and messages delivered per second from the first publish to the last receipt.
/// </summary>
internal sealed record FanoutResult(FanoutLoad Load, double[] Seconds, long Expected, double MessagesPerSecond)
{
    public long Delivered => Seconds.LongLength;
}
