using CryptoOrchestrator.Plugins.Tests.Source;
using CryptoOrchestrator.Plugins.Watching;

namespace CryptoOrchestrator.Plugins.Tests.Watching;

/// <summary>
/// Real directories and real file-system events; the debounce clock is manual, so "after the last change"
/// is exact. A test knows the watcher has taken in its events when the timer of a source touched after
/// them is armed (events arrive in order; the touch is a single event, a new folder), so no test sleeps.
/// </summary>
public sealed class PluginChangeWatcherTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ScratchFolder _plugins = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly ChangeRecorder _recorder = new();
    private readonly List<PluginChangeWatcher> _watchers = [];

    public PluginChangeWatcherTests()
    {
        _plugins.Write("Alpha/AlphaStrategy.cs", "namespace Alpha; internal static class A;");
        _plugins.Write("Sentinel/SentinelStrategy.cs", "namespace Sentinel; internal static class S;");
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _plugins.Dispose();
    }

    private string Alpha => _plugins.PathOf("Alpha");

    private string Sentinel => _plugins.PathOf("Sentinel");

    private PluginChangeWatcher Watch(Action<PluginChange>? onChange = null, TimeProvider? time = null)
    {
        var watcher = new PluginChangeWatcher(_plugins.Root, Debounce, onChange ?? _recorder.Record, time ?? _clock);
        _watchers.Add(watcher);
        return watcher;
    }

    private void WaitForArmed(string source) =>
        Assert.True(_clock.WaitForArmed(source, Patience), $"the watcher did not take in the change to {source}");

    /// <summary>Changes the sentinel source with one event and waits until the watcher has it, and so everything before it.</summary>
    private void Flush()
    {
        _plugins.Folder($"Sentinel/mark-{Guid.NewGuid():N}");
        WaitForArmed(Sentinel);
    }

    private PluginChange Changed(string path, PluginSourceKind kind = PluginSourceKind.Source) => new(path, kind, Removed: false);

    [Fact]
    public void Build_WritingTwentyFiles_IsOneChange()
    {
        Watch();

        for (var i = 0; i < 20; i++)
        {
            _plugins.Write($"Alpha/Generated/File{i:00}.cs", $"namespace Alpha; internal static class G{i};");
        }

        Flush();
        _clock.Advance(Debounce);

        Assert.Equal([Changed(Alpha), Changed(Sentinel)], _recorder.WaitFor(2, Patience));
    }

    [Fact]
    public void Change_IsReportedDebounceAfterTheLastChange_NotTheFirst()
    {
        Watch();
        _plugins.Write("Alpha/One.cs", "namespace Alpha; internal static class One;");
        WaitForArmed(Alpha);
        _clock.Advance(Debounce * 0.75);

        _plugins.Write("Alpha/Two.cs", "namespace Alpha; internal static class Two;");
        Flush();
        _clock.Advance(Debounce * 0.5);   // 1.25 debounce after the first change, 0.5 after the last
        var early = _recorder.Changes;
        _clock.Advance(Debounce * 0.5);

        Assert.Empty(early);
        Assert.Equal([Changed(Alpha), Changed(Sentinel)], _recorder.WaitFor(2, Patience));
    }

    [Fact]
    public void EditedSourceFile_ReportsItsSourceFolder()
    {
        Watch();

        File.AppendAllText(_plugins.PathOf("Alpha/AlphaStrategy.cs"), "\n// edited\n");
        WaitForArmed(Alpha);
        _clock.Advance(Debounce);

        Assert.Equal([Changed(Alpha)], _recorder.WaitFor(1, Patience));
    }

    [Fact]
    public void NewSourceFolder_IsReportedAsSource()
    {
        Watch();

        _plugins.Write("Fresh/Nested/FreshStrategy.cs", "namespace Fresh; internal static class F;");
        WaitForArmed(_plugins.PathOf("Fresh"));
        _clock.Advance(Debounce);

        Assert.Equal([Changed(_plugins.PathOf("Fresh"))], _recorder.WaitFor(1, Patience));
    }

    [Fact]
    public void NewBuildOutputFolder_IsReportedAsFolder_EvenForChangesUnderItsBin()
    {
        Watch();

        _plugins.Write("Built/Built.dll", "not really an assembly");
        _plugins.Write("Built/bin/extra.txt", "a build-output folder has no bin/ to ignore");
        WaitForArmed(_plugins.PathOf("Built"));
        _clock.Advance(Debounce);

        Assert.Equal([Changed(_plugins.PathOf("Built"), PluginSourceKind.Folder)], _recorder.WaitFor(1, Patience));
    }

    [Fact]
    public void Package_IsReportedWhenAdded_AndRemovedWhenDeleted()
    {
        Watch();
        var package = _plugins.Write("Momentum.1.0.0.nupkg", "zip bytes");
        WaitForArmed(package);
        _clock.Advance(Debounce);
        var added = _recorder.WaitFor(1, Patience);

        File.Delete(package);
        Flush();
        _clock.Advance(Debounce);

        Assert.Equal([Changed(package, PluginSourceKind.Package)], added);
        Assert.Equal(
            [Changed(package, PluginSourceKind.Package), new PluginChange(package, PluginSourceKind.Package, Removed: true), Changed(Sentinel)],
            _recorder.WaitFor(3, Patience));
    }

    [Fact]
    public void DeletedSourceFolder_IsReportedRemoved()
    {
        Watch();

        Directory.Delete(Alpha, recursive: true);
        WaitForArmed(Alpha);
        _clock.Advance(Debounce);

        Assert.Equal([new PluginChange(Alpha, PluginSourceKind.Source, Removed: true)], _recorder.WaitFor(1, Patience));
    }

    [Fact]
    public void RenamedFolder_ReportsTheOldNameRemoved_AndTheNewOneAdded()
    {
        Watch();

        Directory.Move(Alpha, _plugins.PathOf("Beta"));
        Flush();
        _clock.Advance(Debounce);

        Assert.Equal(
            [new PluginChange(Alpha, PluginSourceKind.Source, Removed: true), Changed(_plugins.PathOf("Beta")), Changed(Sentinel)],
            _recorder.WaitFor(3, Patience));
    }

    [Fact]
    public void EditorSave_ThroughATempFileRenamedOverTheOriginal_ReportsTheSource()
    {
        Watch();

        var temporary = _plugins.Write("Alpha/AlphaStrategy.cs.tmp", "namespace Alpha; internal static class Saved;");
        File.Move(temporary, _plugins.PathOf("Alpha/AlphaStrategy.cs"), overwrite: true);
        WaitForArmed(Alpha);
        _clock.Advance(Debounce);

        Assert.Equal([Changed(Alpha)], _recorder.WaitFor(1, Patience));
    }

    [Fact]
    public void TempFiles_BuildOutput_AndDotFolders_UnderASourceFolder_AreIgnored()
    {
        _plugins.Folder("Alpha/Deep");  // creating it would be a change in its own right
        Watch();

        _plugins.Write("Alpha/AlphaStrategy.cs.tmp", "");
        _plugins.Write("Alpha/AlphaStrategy.cs~", "");
        _plugins.Write("Alpha/.AlphaStrategy.cs.swp", "");
        _plugins.Write("Alpha/4913", "");
        _plugins.Write("Alpha/bin/Debug/Alpha.dll", "");
        _plugins.Write("Alpha/obj/project.assets.json", "");
        _plugins.Write("Alpha/.vs/state.json", "");
        _plugins.Write("Alpha/Deep/obj/cache.txt", "");
        _plugins.Write("Notes.tmp", "");
        Flush();
        _clock.Advance(Debounce);

        Assert.Equal([Changed(Sentinel)], _recorder.WaitFor(1, Patience));
    }

    [Fact]
    public void FolderThatHoldsNoPlugin_IsNotReported()
    {
        Watch();

        _plugins.Write("docs/readme.md", "how to write a plugin");
        _plugins.Write("readme.txt", "top-level notes");
        Flush();
        _clock.Advance(Debounce);

        Assert.Equal([Changed(Sentinel)], _recorder.WaitFor(1, Patience));
    }

    [Fact]
    public async Task ChangesDuringACallback_WaitForIt_AndAreDeliveredAfterIt()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var inside = 0;
        var mostInside = 0;
        var alphaCalls = 0;
        Watch(change =>
        {
            if (change.SourcePath == Alpha)
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref mostInside, now);
                if (Interlocked.Increment(ref alphaCalls) == 1)
                {
                    entered.Set();
                    release.Wait(Patience);
                }

                Interlocked.Decrement(ref inside);
            }

            _recorder.Record(change);
        });
        _plugins.Write("Alpha/One.cs", "namespace Alpha; internal static class One;");
        WaitForArmed(Alpha);
        var firstDelivery = Task.Run(() => _clock.Advance(Debounce));
        Assert.True(entered.Wait(Patience), "the first change was not delivered");

        _plugins.Write("Alpha/Two.cs", "namespace Alpha; internal static class Two;");
        Flush();
        _clock.Advance(Debounce);
        var whileBlocked = _recorder.Changes;
        release.Set();

        await firstDelivery.WaitAsync(Patience);
        Assert.Equal([Changed(Sentinel)], whileBlocked);
        Assert.Equal(2, Volatile.Read(ref alphaCalls));
        Assert.Equal(1, Volatile.Read(ref mostInside));
        Assert.Equal([Changed(Alpha), Changed(Alpha), Changed(Sentinel)], _recorder.WaitFor(3, Patience));
    }

    [Fact]
    public async Task Dispose_WaitsForARunningCallbackToReturn()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var returned = false;
        var watcher = Watch(_ =>
        {
            entered.Set();
            release.Wait(Patience);
            Volatile.Write(ref returned, true);
        });
        _plugins.Write("Alpha/One.cs", "namespace Alpha; internal static class One;");
        WaitForArmed(Alpha);
        var delivery = Task.Run(() => _clock.Advance(Debounce));
        Assert.True(entered.Wait(Patience), "the change was not delivered");

        var disposing = Task.Run(watcher.Dispose);
        var disposedWhileRunning = await Task.WhenAny(disposing, Task.Delay(300)) == disposing;
        release.Set();

        Assert.False(disposedWhileRunning, "Dispose returned while a callback was still running");
        await disposing.WaitAsync(Patience);
        Assert.True(Volatile.Read(ref returned));
        await delivery.WaitAsync(Patience);
    }

    [Fact]
    public void Dispose_DropsChangesNotYetDue()
    {
        var watcher = Watch();
        _plugins.Write("Alpha/One.cs", "namespace Alpha; internal static class One;");
        WaitForArmed(Alpha);

        watcher.Dispose();
        _clock.Advance(Debounce * 2);

        Assert.Empty(_recorder.Changes);
    }

    [Fact]
    public void ThrowingCallback_IsReported_AndWatchingGoesOn()
    {
        var failures = new ChangeRecorder();
        string? failureMessage = null;
        var calls = 0;
        var watcher = Watch(change =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("reload failed");
            }

            _recorder.Record(change);
        });
        watcher.CallbackFailed = (change, failure) =>
        {
            failureMessage = failure.Message;
            failures.Record(change);
        };

        File.AppendAllText(_plugins.PathOf("Alpha/AlphaStrategy.cs"), "\n");
        WaitForArmed(Alpha);
        _clock.Advance(Debounce);
        var failed = failures.WaitFor(1, Patience);
        Flush();
        _clock.Advance(Debounce);

        Assert.Equal([Changed(Alpha)], failed);
        Assert.Equal("reload failed", failureMessage);
        Assert.Contains(Changed(Sentinel), _recorder.WaitFor(1, Patience));
    }

    [Fact]
    public void WithTheSystemClock_ASettledChangeIsReported_OnAThreadPoolThread()
    {
        var onPool = false;
        Watch(change =>
        {
            Volatile.Write(ref onPool, Thread.CurrentThread.IsThreadPoolThread);
            _recorder.Record(change);
        }, TimeProvider.System);

        _plugins.Write("Live/LiveStrategy.cs", "namespace Live; internal static class L;");

        Assert.Equal([Changed(_plugins.PathOf("Live"))], _recorder.WaitFor(1, Patience));
        Assert.True(Volatile.Read(ref onPool));
    }

    [Fact]
    public void Constructor_MissingDirectory_ThrowsNamingIt()
    {
        var missing = _plugins.PathOf("absent");

        var thrown = Assert.Throws<DirectoryNotFoundException>(() => new PluginChangeWatcher(missing, Debounce, _recorder.Record, _clock));

        Assert.Contains(missing, thrown.Message, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
