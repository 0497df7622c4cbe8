namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>
/// A broken constraint, as either database reports it. <see cref="Constraint"/> holds the column names
/// (SQLite: "users.normalized_user_name"; PostgreSQL: "users_normalized_user_name_key"), so a repository
/// tells which field clashed by looking for the column's name in it.
/// </summary>
internal readonly record struct ConstraintViolation(ViolationKind Kind, string Constraint)
{
    public static ConstraintViolation None => new(ViolationKind.None, string.Empty);

    public bool IsUnique => Kind == ViolationKind.Unique;

    public bool IsForeignKey => Kind == ViolationKind.ForeignKey;

    public bool Involves(string column) => Constraint.Contains(column, StringComparison.Ordinal);
}
