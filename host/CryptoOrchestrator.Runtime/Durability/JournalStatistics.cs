namespace CryptoOrchestrator.Runtime.Durability;

/// <summary>How many checkpoints a run committed and how long they took; written on the bot's thread, read from any.</summary>
public sealed class JournalStatistics
{
    private long _commits;
    private long _totalTicks;
    private long _maxTicks;

    /// <summary>Checkpoints committed.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Time spent committing them.</summary>
    public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref _totalTicks));

    /// <summary>The longest commit.</summary>
    public TimeSpan Longest => TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks));

    /// <summary>The mean commit; zero before the first.</summary>
    public TimeSpan Mean => Commits == 0 ? TimeSpan.Zero : Total / Commits;

    internal void Record(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _totalTicks, elapsed.Ticks);
        if (elapsed.Ticks > Interlocked.Read(ref _maxTicks))
        {
            Interlocked.Exchange(ref _maxTicks, elapsed.Ticks);
        }
    }
}
