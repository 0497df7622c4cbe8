namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>Whether a fill added liquidity to the book or took it; fee rates differ.</summary>
public enum Liquidity
{
    /// <summary>Took liquidity (crossed the spread): taker fee.</summary>
    Taker = 1,

    /// <summary>Rested on the book and was hit: maker fee.</summary>
    Maker = 2,
}
