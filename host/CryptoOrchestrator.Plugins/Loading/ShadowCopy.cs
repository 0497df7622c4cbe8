namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// The private copy of one plugin generation's files that its context loads from, so the originals can
/// be overwritten or deleted while it runs. Deleted once its context has been collected.
/// </summary>
internal sealed class ShadowCopy(string path, Action<ShadowCopy> onDeleted)
{
    private WeakReference? _context;
    private int _deleted;

    public string Path { get; } = path;

    /// <summary>True once the context that loaded from this copy was unloaded and collected.</summary>
    public bool IsReleased => Volatile.Read(ref _context) is { IsAlive: false };

    /// <summary>Called when the context is unloaded: from now on the copy may go as soon as the context is collected.</summary>
    public void Retire(WeakReference context) => Volatile.Write(ref _context, context);

    /// <summary>Copies <paramref name="source"/>'s files and folders into <paramref name="relativeTarget"/> of this copy.</summary>
    public void CopyFrom(string source, string relativeTarget = "")
    {
        var target = System.IO.Path.Combine(Path, relativeTarget);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    /// <summary>Deletes the copy; false when it could not be deleted yet (a file still mapped on Windows), to be tried again.</summary>
    public bool Delete()
    {
        if (Interlocked.Exchange(ref _deleted, 1) == 1)
        {
            return true;
        }

        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }

            onDeleted(this);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Volatile.Write(ref _deleted, 0);
            return false;
        }
    }
}
