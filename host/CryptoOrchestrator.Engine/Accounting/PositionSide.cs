namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>Which way a trade was held: long (bought first) or short (sold first).</summary>
public enum PositionSide
{
    /// <summary>Bought first, sold to close.</summary>
    Long = 1,

    /// <summary>Sold first, bought back to close.</summary>
    Short = -1,
}
