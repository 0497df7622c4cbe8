using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class ExchangeAccountRepositoryTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    private static ExchangeAccountRecord Account() =>
        new(Sample.NewId("acct"), Sample.NewId("binance-main"), "binance", "public-key", [0, 1, 2, 250, 251, 252], Sample.Time);

    [Fact]
    public async Task Account_KeepsItsCiphertextByteForByte_AndRotatesCredentials()
    {
        var account = Account();
        await _store.ExchangeAccounts.CreateAsync(account);

        var stored = await _store.ExchangeAccounts.FindByNameAsync(account.Name);
        Assert.Equal(account.EncryptedSecret, stored!.EncryptedSecret);
        Assert.Equal((account.Id, account.Exchange, account.ApiKey), (stored.Id, stored.Exchange, stored.ApiKey));

        await _store.ExchangeAccounts.UpdateCredentialsAsync(account.Id, "rotated-key", [7, 7, 7]);

        var rotated = await _store.ExchangeAccounts.GetAsync(account.Id);
        Assert.Equal("rotated-key", rotated!.ApiKey);
        Assert.Equal([7, 7, 7], rotated.EncryptedSecret);
        Assert.Contains(await _store.ExchangeAccounts.ListAsync(), listed => listed.Id == account.Id);
    }

    [Fact]
    public async Task Create_WithATakenName_IsRefusedNamingTheField()
    {
        var account = Account();
        await _store.ExchangeAccounts.CreateAsync(account);

        var error = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.ExchangeAccounts.CreateAsync(Account() with { Name = account.Name }));

        Assert.Equal("Name", error.Field);
    }

    [Fact]
    public async Task Delete_RemovesTheAccount_AndAnUnknownOneIsNamed()
    {
        var account = Account();
        await _store.ExchangeAccounts.CreateAsync(account);

        await _store.ExchangeAccounts.DeleteAsync(account.Id);
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.ExchangeAccounts.DeleteAsync(account.Id));

        Assert.Null(await _store.ExchangeAccounts.GetAsync(account.Id));
        Assert.Equal($"Exchange account '{account.Id}' does not exist.", error.Message);
    }
}

public sealed class SqliteExchangeAccountRepositoryTests(SqliteTarget target) : ExchangeAccountRepositoryTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresExchangeAccountRepositoryTests(PostgresTarget target) : ExchangeAccountRepositoryTests(target), IClassFixture<PostgresTarget>;
