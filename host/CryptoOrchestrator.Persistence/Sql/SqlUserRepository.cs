using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlUserRepository(SqlDatabase database) : IUserRepository
{
    private const string UserColumns = "id, user_name, password_hash, role, created_ms, disabled";
    private const string KeyColumns = "id, user_id, name, prefix, key_hash, role, created_ms, revoked_ms";

    private const string InsertUserSql = $"INSERT INTO users ({UserColumns}, normalized_user_name) VALUES (@id, @name, @hash, @role, @created, @disabled, @normalized)";
    private const string UpdateUserSql = """
        UPDATE users SET user_name = @name, normalized_user_name = @normalized, password_hash = @hash, role = @role, disabled = @disabled
        WHERE id = @id
        """;

    private const string SelectUserSql = $"SELECT {UserColumns} FROM users";
    private const string InsertKeySql = $"INSERT INTO api_keys ({KeyColumns}) VALUES (@id, @user, @name, @prefix, @hash, @role, @created, @revoked)";
    private const string SelectKeySql = $"SELECT {KeyColumns} FROM api_keys";
    private const string RevokeSql = "UPDATE api_keys SET revoked_ms = COALESCE(revoked_ms, @time) WHERE id = @id";

    public Task CreateAsync(UserRecord user, CancellationToken cancellation = default)
    {
        Validate(user);
        return database.WriteAsync(
            (connection, transaction) => BindUser(connection.Command(InsertUserSql, transaction), user).With("@created", user.CreatedMs).RunAsync(cancellation),
            UserTaken(user),
            cancellation);
    }

    public Task<UserRecord?> GetAsync(string userId, CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectUserSql + " WHERE id = @id").With("@id", userId).FirstOrDefaultAsync(ReadUser, cancellation), cancellation);

    public Task<UserRecord?> FindByNameAsync(string userName, CancellationToken cancellation = default)
    {
        Require.NotNull(userName, nameof(userName));
        return database.ReadAsync(
            connection => connection.Command(SelectUserSql + " WHERE normalized_user_name = @normalized")
                .With("@normalized", Normalized(userName)).FirstOrDefaultAsync(ReadUser, cancellation),
            cancellation);
    }

    public Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectUserSql + " ORDER BY normalized_user_name").ListAsync(ReadUser, cancellation), cancellation);

    public Task UpdateAsync(UserRecord user, CancellationToken cancellation = default)
    {
        Validate(user);
        return database.ChangeOneAsync(UpdateUserSql, command => BindUser(command, user), () => new RecordNotFoundException("user", $"'{user.Id}'"), UserTaken(user), cancellation);
    }

    public Task CreateApiKeyAsync(ApiKeyRecord key, CancellationToken cancellation = default)
    {
        Require.NotNull(key, nameof(key));
        Require.Text(key.Id, "ApiKeyRecord.Id");
        Require.Text(key.UserId, "ApiKeyRecord.UserId");
        Require.Text(key.Name, "ApiKeyRecord.Name");
        Require.Text(key.Prefix, "ApiKeyRecord.Prefix");
        Require.Text(key.KeyHash, "ApiKeyRecord.KeyHash");
        Require.Defined(key.Role, "ApiKeyRecord.Role");
        return database.WriteAsync(
            (connection, transaction) => connection.Command(InsertKeySql, transaction)
                .With("@id", key.Id)
                .With("@user", key.UserId)
                .With("@name", key.Name)
                .With("@prefix", key.Prefix)
                .With("@hash", key.KeyHash)
                .With("@role", key.Role.ToString())
                .With("@created", key.CreatedMs)
                .With("@revoked", key.RevokedMs)
                .RunAsync(cancellation),
            (violation, cause) => violation switch
            {
                { IsForeignKey: true } => new RecordNotFoundException("user", $"'{key.UserId}'", cause),
                { IsUnique: true } when violation.Involves("prefix") => DuplicateRecordException.Taken("API key", "Prefix", key.Prefix, cause),
                { IsUnique: true } => DuplicateRecordException.Taken("API key", "Id", key.Id, cause),
                _ => null,
            },
            cancellation);
    }

    public Task<ApiKeyRecord?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectKeySql + " WHERE prefix = @prefix").With("@prefix", prefix).FirstOrDefaultAsync(ReadKey, cancellation), cancellation);

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string userId, CancellationToken cancellation = default) =>
        database.ReadAsync(
            connection => connection.Command(SelectKeySql + " WHERE user_id = @user ORDER BY created_ms, id").With("@user", userId).ListAsync(ReadKey, cancellation),
            cancellation);

    public Task RevokeApiKeyAsync(string keyId, long timeMs, CancellationToken cancellation = default) =>
        database.ChangeOneAsync(
            RevokeSql,
            command => command.With("@id", keyId).With("@time", timeMs),
            () => new RecordNotFoundException("API key", $"'{keyId}'"),
            null,
            cancellation);

    // Upper-case invariant: both databases then agree on which names clash, whatever their collations.
    private static string Normalized(string userName) => userName.Trim().ToUpperInvariant();

    private static void Validate(UserRecord user)
    {
        Require.NotNull(user, nameof(user));
        Require.Text(user.Id, "UserRecord.Id");
        Require.Text(user.UserName, "UserRecord.UserName");
        Require.Text(user.PasswordHash, "UserRecord.PasswordHash");
        Require.Defined(user.Role, "UserRecord.Role");
    }

    private static Func<ConstraintViolation, DbException, Exception?> UserTaken(UserRecord user) =>
        (violation, cause) => violation switch
        {
            { IsUnique: true } when violation.Involves("user_name") => DuplicateRecordException.Taken("user", "UserName", user.UserName, cause),
            { IsUnique: true } => DuplicateRecordException.Taken("user", "Id", user.Id, cause),
            _ => null,
        };

    private static DbCommand BindUser(DbCommand command, UserRecord user) => command
        .With("@id", user.Id)
        .With("@name", user.UserName)
        .With("@normalized", Normalized(user.UserName))
        .With("@hash", user.PasswordHash)
        .With("@role", user.Role.ToString())
        .With("@disabled", user.Disabled);

    private static UserRecord ReadUser(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        Column.Enum<Role>(reader, 3),
        reader.GetInt64(4),
        reader.GetBoolean(5));

    private static ApiKeyRecord ReadKey(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        Column.Enum<Role>(reader, 5),
        reader.GetInt64(6),
        Column.NullableInt64(reader, 7));
}
