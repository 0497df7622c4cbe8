namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>
/// Compares a replayed record with the stored one. A true replay is accepted and changes nothing; a record that
/// reuses a stored key with other content is an error, reported with the fields that differ.
/// </summary>
internal static class Replay
{
    public static IReadOnlyList<string> Differences(params ReadOnlySpan<(string Field, bool Same)> fields)
    {
        var differences = new List<string>();
        foreach (var (field, same) in fields)
        {
            if (!same)
            {
                differences.Add(field);
            }
        }

        return differences;
    }
}
