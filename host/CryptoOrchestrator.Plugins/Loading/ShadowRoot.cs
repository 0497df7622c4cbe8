using System.Collections.Concurrent;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// This process's folder of shadow copies under <c>&lt;cache&gt;/shadow/</c>. A lock file held open for the
/// process's lifetime marks the folder as in use; on start, folders whose lock nobody holds any more
/// (their process ended, cleanly or not) are deleted. A copy is deleted once its context is seen collected:
/// by whoever waits on its unload handle, or else at the next new copy.
/// </summary>
internal sealed class ShadowRoot
{
    private static readonly ConcurrentDictionary<string, Lazy<ShadowRoot>> Roots = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly List<ShadowCopy> _live = [];
    // Held open for the process's lifetime: the exclusively locked file tells other processes this folder is in use.
    private readonly FileStream _ownerLock;
    private int _sequence;

    private ShadowRoot(string cacheDirectory)
    {
        var shadows = Directory.CreateDirectory(System.IO.Path.Combine(cacheDirectory, "shadow")).FullName;
        var token = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        // The lock before the folder: a folder without a held lock is always an abandoned one.
        _ownerLock = new FileStream(LockFileOf(shadows, token), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        Path = Directory.CreateDirectory(System.IO.Path.Combine(shadows, token)).FullName;
        RemoveAbandoned(shadows, token);
        // A clean exit takes its copies along; after a crash the next start does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
    }

    public string Path { get; }

    /// <summary>The root for <paramref name="cacheDirectory"/> in this process, created (and earlier processes' copies cleaned) on first use.</summary>
    public static ShadowRoot For(string cacheDirectory)
    {
        var key = System.IO.Path.GetFullPath(cacheDirectory);
        var root = Roots.GetOrAdd(key, directory => new Lazy<ShadowRoot>(() => new ShadowRoot(directory)));
        try
        {
            return root.Value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not cached: a cache folder that could not be created now may be creatable on the next try.
            Roots.TryRemove(new KeyValuePair<string, Lazy<ShadowRoot>>(key, root));
            throw;
        }
    }

    /// <summary>A new, empty copy folder for <paramref name="contextName"/>.</summary>
    public ShadowCopy Create(string contextName)
    {
        var name = $"{Sanitize(contextName)}.{Interlocked.Increment(ref _sequence)}";
        var copy = new ShadowCopy(Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName, Forget);
        List<ShadowCopy> released;
        lock (_gate)
        {
            released = _live.FindAll(existing => existing.IsReleased);
            _live.Add(copy);
        }

        // Copies of contexts collected since nobody waited on them; each deleted copy forgets itself.
        foreach (var stale in released)
        {
            stale.Delete();
        }

        return copy;
    }

    private void Forget(ShadowCopy copy)
    {
        lock (_gate)
        {
            _live.Remove(copy);
        }
    }

    private void DeleteAll()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
            _ownerLock.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Mapped files on Windows: the next start deletes the folder once this process is gone.
        }
    }

    private static string LockFileOf(string shadows, string token) => System.IO.Path.Combine(shadows, token + ".lock");

    private static void RemoveAbandoned(string shadows, string ownToken)
    {
        foreach (var folder in Directory.EnumerateDirectories(shadows))
        {
            var token = System.IO.Path.GetFileName(folder);
            if (token == ownToken || IsHeld(LockFileOf(shadows, token)))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still mapped by a process that is ending; the next start takes it.
            }
        }

        foreach (var lockFile in Directory.EnumerateFiles(shadows, "*.lock"))
        {
            if (System.IO.Path.GetFileNameWithoutExtension(lockFile) != ownToken)
            {
                IsHeld(lockFile);
            }
        }
    }

    // Whether a live process holds the lock file; taking an abandoned lock deletes it as it is closed.
    private static bool IsHeld(string lockFile)
    {
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return false;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static string Sanitize(string name)
    {
        var invalid = System.IO.Path.GetInvalidFileNameChars();
        return string.Concat(name.Select(c => Array.IndexOf(invalid, c) >= 0 ? '_' : c));
    }
}
