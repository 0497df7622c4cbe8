namespace CryptoOrchestrator.Persistence;

/// <summary>A write would store a second record where only one may exist, or replay a stored one with different content.</summary>
public sealed class DuplicateRecordException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entity">What kind of record, e.g. "user".</param>
    /// <param name="field">The field (or fields) in conflict, e.g. "UserName".</param>
    /// <param name="message">The whole message, naming the record and the field.</param>
    /// <param name="inner">The database's own error, when it reported the clash.</param>
    public DuplicateRecordException(string entity, string field, string message, Exception? inner = null)
        : base(message, inner)
    {
        Entity = entity;
        Field = field;
    }

    /// <summary>What kind of record it was.</summary>
    public string Entity { get; }

    /// <summary>The field, or comma-separated fields, in conflict.</summary>
    public string Field { get; }

    internal static DuplicateRecordException Taken(string entity, string field, string value, Exception? inner = null) =>
        new(entity, field, $"A {entity} with {field} '{value}' already exists.", inner);

    internal static DuplicateRecordException Differs(string entity, string name, IReadOnlyList<string> fields)
    {
        var list = string.Join(", ", fields);
        return new(entity, list, $"{name} is already stored with a different {list}; a replay must repeat it exactly.");
    }
}
