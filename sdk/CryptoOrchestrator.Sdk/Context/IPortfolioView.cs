using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Context;

/// <summary>A read-only view of the account, marked to the latest price.</summary>
public interface IPortfolioView
{
    /// <summary>Cash in the quote asset.</summary>
    decimal Cash { get; }

    /// <summary>Cash plus every position marked to its latest price.</summary>
    decimal Equity { get; }

    /// <summary>The position in <paramref name="instrument"/> (flat when none).</summary>
    Position GetPosition(Instrument instrument);

    /// <summary>The latest price seen for <paramref name="instrument"/>, or zero before the first.</summary>
    Price LastPrice(Instrument instrument);
}
