namespace CryptoOrchestrator.Plugins.Status;

/// <summary>
/// Every plugin's status and its reason, kept in one JSON file that survives restarts. Each change
/// re-reads the file (so changes made meanwhile by another process, such as the CLI, are kept), applies
/// itself and replaces the file atomically (temp file + rename). Thread-safe. A file that cannot be read
/// or parsed throws <see cref="PluginStatusFileException"/> and is never overwritten.
/// </summary>
public sealed class PluginStatusStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private IReadOnlyList<PluginStatusRecord> _all;

    /// <summary>Opens the store at <paramref name="file"/>; a missing file is an empty store (created on the first change).</summary>
    public PluginStatusStore(string file)
        : this(file, TimeProvider.System)
    {
    }

    /// <summary>As <see cref="PluginStatusStore(string)"/>, stamping changes with <paramref name="time"/>.</summary>
    public PluginStatusStore(string file, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(time);
        File = Path.GetFullPath(file);
        _time = time;
        _all = Sorted(ReadFile());
    }

    /// <summary>The status file's full path.</summary>
    public string File { get; }

    /// <summary>Every record, ordered by id (ordinal).</summary>
    public IReadOnlyList<PluginStatusRecord> All
    {
        get
        {
            lock (_gate)
            {
                return _all;
            }
        }
    }

    /// <summary>The record of <paramref name="id"/>, if any.</summary>
    public PluginStatusRecord? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return All.FirstOrDefault(record => string.Equals(record.Id, id, StringComparison.Ordinal));
    }

    /// <summary>Whether an operator disabled <paramref name="id"/>.</summary>
    public bool IsDisabled(string id) => Find(id)?.Status == PluginStatus.Disabled;

    /// <summary>Replaces the record of <paramref name="record"/>'s id and writes the file at once.</summary>
    public void Set(PluginStatusRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Id, nameof(record));
        ArgumentNullException.ThrowIfNull(record.Reason, nameof(record));
        Update(records =>
        {
            records[record.Id] = record;
            return true;
        });
    }

    /// <summary>Disables <paramref name="id"/> with the operator's <paramref name="reason"/>, keeping the version and source on record.</summary>
    public void Disable(string id, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(reason);
        Update(records =>
        {
            records.TryGetValue(id, out var current);
            records[id] = new PluginStatusRecord(id, PluginStatus.Disabled, reason, current?.Version, current?.Source, _time.GetUtcNow());
            return true;
        });
    }

    /// <summary>
    /// Lifts a disable or a quarantine (<see cref="PluginStatus.Malfunctioned"/>): the record becomes
    /// <see cref="PluginStatus.Active"/> until the host records otherwise. Any other record, or none, is left alone.
    /// </summary>
    public void Enable(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Update(records =>
        {
            if (!records.TryGetValue(id, out var current) || current.Status is not (PluginStatus.Disabled or PluginStatus.Malfunctioned))
            {
                return false;
            }

            records[id] = current with { Status = PluginStatus.Active, Reason = $"enabled by the operator (was {current.Status}: {current.Reason})", Since = _time.GetUtcNow() };
            return true;
        });
    }

    /// <summary>Reads the file again, for changes made by another process.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            _all = Sorted(ReadFile());
        }
    }

    private void Update(Func<Dictionary<string, PluginStatusRecord>, bool> change)
    {
        lock (_gate)
        {
            var records = ReadFile().ToDictionary(record => record.Id, StringComparer.Ordinal);
            if (change(records))
            {
                var sorted = Sorted(records.Values);
                WriteAtomically(PluginStatusFileFormat.Write(sorted));
                _all = sorted;
            }
            else
            {
                _all = Sorted(records.Values);
            }
        }
    }

    private List<PluginStatusRecord> ReadFile()
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(File);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PluginStatusFileException(File, null, $"cannot be read: {e.Message}", e);
        }

        return PluginStatusFileFormat.Read(bytes, File);
    }

    private void WriteAtomically(byte[] bytes)
    {
        var directory = Path.GetDirectoryName(File)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(File)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            System.IO.File.Move(temporary, File, overwrite: true);
        }
        finally
        {
            System.IO.File.Delete(temporary);
        }
    }

    private static IReadOnlyList<PluginStatusRecord> Sorted(IEnumerable<PluginStatusRecord> records) =>
        records.OrderBy(record => record.Id, StringComparer.Ordinal).ToList().AsReadOnly();
}
