namespace CryptoOrchestrator.Host.Output;

/// <summary>
/// A progress line on standard error that appears only once work has run for a second, so
/// quick runs stay quiet and long ones show they are alive. Redraws at most ten times a second.
/// </summary>
internal sealed class ConsoleProgress(string label, TextWriter output, TimeProvider time) : IProgress<double>, IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);
    private readonly long _started = time.GetTimestamp();
    private TimeSpan _lastDraw;
    private bool _drawn;

    public void Report(double value)
    {
        var now = time.GetElapsedTime(_started);
        if (now < QuietPeriod || (_drawn && now - _lastDraw < RedrawInterval && value < 1))
        {
            return;
        }

        _lastDraw = now;
        _drawn = true;
        const int width = 30;
        var filled = (int)Math.Round(Math.Clamp(value, 0, 1) * width);
        output.Write($"\r{label} [{new string('#', filled)}{new string('.', width - filled)}] {value,6:P1} {now.TotalSeconds,6:F1}s");
    }

    public void Dispose()
    {
        if (_drawn)
        {
            output.WriteLine();
        }
    }
}
