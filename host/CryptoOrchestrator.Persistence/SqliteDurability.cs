namespace CryptoOrchestrator.Persistence;

/// <summary>
/// What a SQLite commit survives when it returns (the file is always in WAL mode). The order journal commits before
/// every order is sent, so this is the price of each order.
/// </summary>
public enum SqliteDurability
{
    /// <summary><c>synchronous=FULL</c>: the commit is on the disk (an fsync per commit); survives a power cut.</summary>
    PowerLoss,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: the commit is in the operating system's hands, so it survives the host process being
    /// killed but a power cut or kernel crash may lose the last commits. No fsync on the order path.
    /// </summary>
    ProcessCrash,
}
