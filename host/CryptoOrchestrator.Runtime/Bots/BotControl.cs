using CryptoOrchestrator.Engine.Pipeline;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>Work a bot runs on its own thread between two events, such as a hot swap.</summary>
internal abstract class BotControl
{
    public abstract void Run(TradingPipeline pipeline);

    public abstract void Abandon(Exception reason);
}

/// <summary>A <see cref="BotControl"/> whose result the caller awaits.</summary>
internal sealed class BotControl<T>(Func<TradingPipeline, T> work) : BotControl
{
    // Continuations run elsewhere: the bot's thread goes straight back to its events.
    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Result => _result.Task;

    public override void Run(TradingPipeline pipeline)
    {
        try
        {
            _result.TrySetResult(work(pipeline));
        }
        catch (Exception e)
        {
            _result.TrySetException(e);
        }
    }

    public override void Abandon(Exception reason) => _result.TrySetException(reason);
}
