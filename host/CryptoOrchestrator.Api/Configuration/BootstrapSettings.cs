namespace CryptoOrchestrator.Api.Configuration;

/// <summary>The <c>Api:Bootstrap</c> section: the admin created at start when the store has no user at all.</summary>
public sealed class BootstrapSettings
{
    /// <summary>The first admin's user name.</summary>
    public string? AdminUser { get; set; }

    /// <summary>The first admin's password (at least 12 characters); only its hash is stored.</summary>
    public string? AdminPassword { get; set; }
}
