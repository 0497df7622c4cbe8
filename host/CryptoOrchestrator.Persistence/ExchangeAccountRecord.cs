namespace CryptoOrchestrator.Persistence;

/// <summary>Credentials for an exchange. The secret is stored only as ciphertext: the caller encrypts and decrypts.</summary>
/// <param name="Id">The account's identifier.</param>
/// <param name="Name">A unique name bots refer to it by.</param>
/// <param name="Exchange">Which exchange adapter it is for.</param>
/// <param name="ApiKey">The exchange's public API key.</param>
/// <param name="EncryptedSecret">The exchange's API secret, encrypted by the caller.</param>
/// <param name="CreatedMs">When it was added, Unix ms.</param>
public sealed record ExchangeAccountRecord(string Id, string Name, string Exchange, string ApiKey, byte[] EncryptedSecret, long CreatedMs);
