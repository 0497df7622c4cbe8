using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

internal sealed class SqlExchangeAccountRepository(SqlDatabase database) : IExchangeAccountRepository
{
    private const string Columns = "id, name, exchange, api_key, encrypted_secret, created_ms";
    private const string InsertSql = $"INSERT INTO exchange_accounts ({Columns}) VALUES (@id, @name, @exchange, @key, @secret, @created)";
    private const string SelectSql = $"SELECT {Columns} FROM exchange_accounts";
    private const string UpdateSql = "UPDATE exchange_accounts SET api_key = @key, encrypted_secret = @secret WHERE id = @id";
    private const string DeleteSql = "DELETE FROM exchange_accounts WHERE id = @id";

    public Task CreateAsync(ExchangeAccountRecord account, CancellationToken cancellation = default)
    {
        Require.NotNull(account, nameof(account));
        Require.Text(account.Id, "ExchangeAccountRecord.Id");
        Require.Text(account.Name, "ExchangeAccountRecord.Name");
        Require.Text(account.Exchange, "ExchangeAccountRecord.Exchange");
        Require.NotNull(account.ApiKey, "ExchangeAccountRecord.ApiKey");
        Require.NotNull(account.EncryptedSecret, "ExchangeAccountRecord.EncryptedSecret");
        return database.WriteAsync(
            (connection, transaction) => connection.Command(InsertSql, transaction)
                .With("@id", account.Id)
                .With("@name", account.Name)
                .With("@exchange", account.Exchange)
                .With("@key", account.ApiKey)
                .With("@secret", account.EncryptedSecret)
                .With("@created", account.CreatedMs)
                .RunAsync(cancellation),
            (violation, cause) => violation switch
            {
                { IsUnique: true } when violation.Involves("name") => DuplicateRecordException.Taken("exchange account", "Name", account.Name, cause),
                { IsUnique: true } => DuplicateRecordException.Taken("exchange account", "Id", account.Id, cause),
                _ => null,
            },
            cancellation);
    }

    public Task<ExchangeAccountRecord?> GetAsync(string accountId, CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectSql + " WHERE id = @id").With("@id", accountId).FirstOrDefaultAsync(Read, cancellation), cancellation);

    public Task<ExchangeAccountRecord?> FindByNameAsync(string name, CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectSql + " WHERE name = @name").With("@name", name).FirstOrDefaultAsync(Read, cancellation), cancellation);

    public Task<IReadOnlyList<ExchangeAccountRecord>> ListAsync(CancellationToken cancellation = default) =>
        database.ReadAsync(connection => connection.Command(SelectSql + " ORDER BY name").ListAsync(Read, cancellation), cancellation);

    public Task UpdateCredentialsAsync(string accountId, string apiKey, byte[] encryptedSecret, CancellationToken cancellation = default)
    {
        Require.NotNull(apiKey, nameof(apiKey));
        Require.NotNull(encryptedSecret, nameof(encryptedSecret));
        return database.ChangeOneAsync(
            UpdateSql, command => command.With("@id", accountId).With("@key", apiKey).With("@secret", encryptedSecret), () => Missing(accountId), null, cancellation);
    }

    public Task DeleteAsync(string accountId, CancellationToken cancellation = default) =>
        database.ChangeOneAsync(DeleteSql, command => command.With("@id", accountId), () => Missing(accountId), null, cancellation);

    private static RecordNotFoundException Missing(string accountId) => new("exchange account", $"'{accountId}'");

    private static ExchangeAccountRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        Column.Bytes(reader, 4),
        reader.GetInt64(5));
}
