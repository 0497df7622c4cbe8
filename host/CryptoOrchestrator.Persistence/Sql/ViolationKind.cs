namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>Which kind of constraint a failed write broke.</summary>
internal enum ViolationKind
{
    None,
    Unique,
    ForeignKey,
}
