namespace CryptoOrchestrator.Persistence;

/// <summary>Exchange accounts. The store never sees a secret in clear: <see cref="ExchangeAccountRecord.EncryptedSecret"/> is the caller's ciphertext.</summary>
public interface IExchangeAccountRepository
{
    /// <summary>Stores a new account.</summary>
    /// <exception cref="DuplicateRecordException">The id or the name is taken.</exception>
    Task CreateAsync(ExchangeAccountRecord account, CancellationToken cancellation = default);

    /// <summary>The account, or null.</summary>
    Task<ExchangeAccountRecord?> GetAsync(string accountId, CancellationToken cancellation = default);

    /// <summary>The account with this name, or null.</summary>
    Task<ExchangeAccountRecord?> FindByNameAsync(string name, CancellationToken cancellation = default);

    /// <summary>Every account, by name.</summary>
    Task<IReadOnlyList<ExchangeAccountRecord>> ListAsync(CancellationToken cancellation = default);

    /// <summary>Replaces the account's API key and encrypted secret (a key rotation).</summary>
    /// <exception cref="RecordNotFoundException">No account has this id.</exception>
    Task UpdateCredentialsAsync(string accountId, string apiKey, byte[] encryptedSecret, CancellationToken cancellation = default);

    /// <summary>Deletes the account.</summary>
    /// <exception cref="RecordNotFoundException">No account has this id.</exception>
    Task DeleteAsync(string accountId, CancellationToken cancellation = default);
}
