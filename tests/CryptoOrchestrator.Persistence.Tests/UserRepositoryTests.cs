using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class UserRepositoryTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    private static UserRecord User(string? name = null) =>
        new(Sample.NewId("user"), name ?? Sample.NewId("alice"), "AQAAAAIAAYagAAAAE-hash", Role.Trader, Sample.Time, false);

    private async Task<(UserRecord User, ApiKeyRecord Key)> UserWithKeyAsync()
    {
        var user = User();
        await _store.Users.CreateAsync(user);
        var key = new ApiKeyRecord(Sample.NewId("key"), user.Id, "ci", Sample.NewId("co"), "key-hash", Role.Viewer, Sample.Time, null);
        await _store.Users.CreateApiKeyAsync(key);
        return (user, key);
    }

    [Fact]
    public async Task Created_User_IsFoundByIdAndByNameInAnyCase()
    {
        var user = User("Alice-" + Guid.NewGuid().ToString("N"));
        await _store.Users.CreateAsync(user);

        Assert.Equal(user, await _store.Users.GetAsync(user.Id));
        Assert.Equal(user, await _store.Users.FindByNameAsync(user.UserName.ToUpperInvariant()));
        Assert.Equal(user, await _store.Users.FindByNameAsync(user.UserName.ToLowerInvariant()));
        Assert.Contains(user, await _store.Users.ListAsync());
    }

    [Fact]
    public async Task Create_WithATakenUserName_InAnyCase_IsRefusedNamingTheField()
    {
        var user = User();
        await _store.Users.CreateAsync(user);

        var sameName = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Users.CreateAsync(User(user.UserName)));
        var otherCase = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Users.CreateAsync(User(user.UserName.ToUpperInvariant())));
        var sameId = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Users.CreateAsync(User() with { Id = user.Id }));

        Assert.Equal(("UserName", "UserName", "Id"), (sameName.Field, otherCase.Field, sameId.Field));
        Assert.Equal($"A user with UserName '{user.UserName}' already exists.", sameName.Message);
        Assert.Equal(user, await _store.Users.GetAsync(user.Id));
    }

    [Fact]
    public async Task Update_ReplacesTheUser_AndRefusesATakenName()
    {
        var user = User();
        var other = User();
        await _store.Users.CreateAsync(user);
        await _store.Users.CreateAsync(other);

        var changed = user with { PasswordHash = "new-hash", Role = Role.Admin, Disabled = true };
        await _store.Users.UpdateAsync(changed);
        var clash = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Users.UpdateAsync(changed with { UserName = other.UserName }));
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Users.UpdateAsync(User() with { Id = "nobody" }));

        Assert.Equal(changed, await _store.Users.GetAsync(user.Id));
        Assert.Equal("UserName", clash.Field);
        Assert.Equal("User 'nobody' does not exist.", missing.Message);
    }

    [Fact]
    public async Task ApiKey_IsFoundByPrefix_AndRevokedOnce()
    {
        var (user, key) = await UserWithKeyAsync();

        Assert.Equal(key, await _store.Users.FindApiKeyByPrefixAsync(key.Prefix));
        await _store.Users.RevokeApiKeyAsync(key.Id, Sample.Time + 10);
        await _store.Users.RevokeApiKeyAsync(key.Id, Sample.Time + 20);

        Assert.Equal(key with { RevokedMs = Sample.Time + 10 }, await _store.Users.FindApiKeyByPrefixAsync(key.Prefix));
        Assert.Equal([key with { RevokedMs = Sample.Time + 10 }], await _store.Users.ListApiKeysAsync(user.Id));
        Assert.Null(await _store.Users.FindApiKeyByPrefixAsync("co-unknown"));
    }

    [Fact]
    public async Task ApiKey_WithATakenPrefix_OrAnUnknownUser_IsRefused()
    {
        var (_, key) = await UserWithKeyAsync();

        var prefix = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Users.CreateApiKeyAsync(key with { Id = Sample.NewId("key") }));
        var owner = await Assert.ThrowsAsync<RecordNotFoundException>(
            () => _store.Users.CreateApiKeyAsync(key with { Id = Sample.NewId("key"), Prefix = Sample.NewId("co"), UserId = "nobody" }));
        var revoke = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Users.RevokeApiKeyAsync("no-key", 0));

        Assert.Equal("Prefix", prefix.Field);
        Assert.Equal("User 'nobody' does not exist.", owner.Message);
        Assert.Equal("API key 'no-key' does not exist.", revoke.Message);
    }
}

public sealed class SqliteUserRepositoryTests(SqliteTarget target) : UserRepositoryTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresUserRepositoryTests(PostgresTarget target) : UserRepositoryTests(target), IClassFixture<PostgresTarget>;
