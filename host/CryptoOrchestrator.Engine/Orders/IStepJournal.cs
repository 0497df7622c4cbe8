namespace CryptoOrchestrator.Engine.Orders;

/// <summary>
/// Makes a pipeline's progress durable. Called on the pipeline thread: <see cref="BeforeSend"/> before an order
/// leaves for the exchange, <see cref="StepCompleted"/> after each time step. The journal hears of orders and
/// fills through the pipeline's event sinks; these two calls say when what it heard must be (or may be) committed.
/// </summary>
public interface IStepJournal
{
    /// <summary>
    /// An order is about to be sent: everything that happened since the last commit (new orders, their
    /// transitions, fills, the positions they left) must be durable when this returns. Called before every
    /// submission, so a journal with nothing new to commit should return at once.
    /// </summary>
    void BeforeSend(long now);

    /// <summary>A time step ended at <paramref name="now"/> (pipeline time): the journal may commit, throttled as it likes.</summary>
    void StepCompleted(long now);
}
