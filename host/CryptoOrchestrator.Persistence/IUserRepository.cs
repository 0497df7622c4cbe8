namespace CryptoOrchestrator.Persistence;

/// <summary>Users and their API keys.</summary>
public interface IUserRepository
{
    /// <summary>Stores a new user.</summary>
    /// <exception cref="DuplicateRecordException">The id, or the user name in any letter case, is taken; the message names the field.</exception>
    Task CreateAsync(UserRecord user, CancellationToken cancellation = default);

    /// <summary>The user, or null.</summary>
    Task<UserRecord?> GetAsync(string userId, CancellationToken cancellation = default);

    /// <summary>The user with this name in any letter case, or null.</summary>
    Task<UserRecord?> FindByNameAsync(string userName, CancellationToken cancellation = default);

    /// <summary>Every user, by user name.</summary>
    Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellation = default);

    /// <summary>Replaces the user's name, password hash, role and disabled flag (not the creation time).</summary>
    /// <exception cref="RecordNotFoundException">No user has this id.</exception>
    /// <exception cref="DuplicateRecordException">The new user name is taken.</exception>
    Task UpdateAsync(UserRecord user, CancellationToken cancellation = default);

    /// <summary>Stores a new API key.</summary>
    /// <exception cref="RecordNotFoundException">The user does not exist.</exception>
    /// <exception cref="DuplicateRecordException">The id or the prefix is taken.</exception>
    Task CreateApiKeyAsync(ApiKeyRecord key, CancellationToken cancellation = default);

    /// <summary>The key with this prefix, revoked or not, or null.</summary>
    Task<ApiKeyRecord?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellation = default);

    /// <summary>The user's keys, revoked ones included, by creation time.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string userId, CancellationToken cancellation = default);

    /// <summary>Revokes the key at <paramref name="timeMs"/>; a key already revoked keeps its first revocation time.</summary>
    /// <exception cref="RecordNotFoundException">No key has this id.</exception>
    Task RevokeApiKeyAsync(string keyId, long timeMs, CancellationToken cancellation = default);
}
