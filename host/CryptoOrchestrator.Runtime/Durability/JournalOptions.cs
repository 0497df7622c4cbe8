namespace CryptoOrchestrator.Runtime.Durability;

/// <summary>How often a bot's journal commits when it has no order to send.</summary>
public sealed record JournalOptions
{
    /// <summary>Time steps after which the journal commits its progress even with nothing to send.</summary>
    public int CommitEverySteps { get; init; } = 1_000;

    /// <summary>Wall-clock time after which the journal commits its progress at the next step's end.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wall clock commits are stamped with.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
