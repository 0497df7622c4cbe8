namespace CryptoOrchestrator.Api.Security;

/// <summary>A stored secret that cannot be decrypted; the message names the record and never holds the secret.</summary>
public sealed class SecretUnreadableException : Exception
{
    /// <summary>Creates the exception for <paramref name="recordId"/>.</summary>
    public SecretUnreadableException(string recordId, string why, Exception? innerException = null)
        : base($"The secret of '{recordId}' cannot be decrypted: {why}.", innerException)
    {
        RecordId = recordId;
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    public SecretUnreadableException()
        : this("unknown", "no reason given")
    {
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    public SecretUnreadableException(string message)
        : base(message)
    {
        RecordId = "unknown";
    }

    /// <summary>Creates the exception with a message and cause of its own.</summary>
    public SecretUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
        RecordId = "unknown";
    }

    /// <summary>The record whose secret could not be read.</summary>
    public string RecordId { get; } = "unknown";
}
