using CryptoOrchestrator.Engine.Orders;

namespace CryptoOrchestrator.Engine.Tests.Orders;

public class StepJournalHookTests
{
    [Fact]
    public void Flush_TellsTheJournalBeforeEachOrderReachesTheExchange()
    {
        var harness = new ManagerHarness();
        var journal = new SubmissionCountingJournal(harness.Exchange);
        harness.Manager.Journal = journal;
        harness.Submit(ManagerHarness.LimitBuy());
        harness.Submit(ManagerHarness.LimitBuy());

        harness.Manager.Flush(ManagerHarness.Now);

        Assert.Equal([0, 1], journal.SubmittedWhenTold);
        Assert.Equal(2, harness.Exchange.Submitted.Count);
    }

    [Fact]
    public void Flush_WithNothingQueued_DoesNotTellTheJournal()
    {
        var harness = new ManagerHarness();
        var journal = new SubmissionCountingJournal(harness.Exchange);
        harness.Manager.Journal = journal;

        harness.Manager.Flush(ManagerHarness.Now);

        Assert.Empty(journal.SubmittedWhenTold);
    }

    [Fact]
    public void ContinueIdsAfter_GivesNewOrdersIdsAfterTheJournalsLast_AndNeverMovesBack()
    {
        var harness = new ManagerHarness();

        harness.Manager.ContinueIdsAfter(41);
        var first = harness.Submit(ManagerHarness.LimitBuy());
        harness.Manager.ContinueIdsAfter(7);
        var second = harness.Submit(ManagerHarness.LimitBuy());

        Assert.Equal(42, first.Id.Value);
        Assert.Equal(43, second.Id.Value);
        Assert.Equal(43, harness.Manager.LastAssignedId);
    }

    /// <summary>Notes how many orders the exchange already had each time the journal was told to commit.</summary>
    private sealed class SubmissionCountingJournal(RecordingExchange exchange) : IStepJournal
    {
        public List<int> SubmittedWhenTold { get; } = [];

        public void BeforeSend(long now) => SubmittedWhenTold.Add(exchange.Submitted.Count);

        public void StepCompleted(long now)
        {
        }
    }
}
