using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>What a position sizer knows when it turns a target exposure into a quantity.</summary>
/// <param name="Instrument">What to size.</param>
/// <param name="TargetExposure">The fused view in [-1, 1]: sign is direction, magnitude the share of what the sizer allows.</param>
/// <param name="ReferencePrice">The price the order is expected to fill near.</param>
/// <param name="Equity">Account equity marked to market.</param>
/// <param name="Cash">Cash available.</param>
/// <param name="CurrentPosition">The signed position held now.</param>
/// <param name="Volatility">Recent per-bar standard deviation of returns (0 while unknown).</param>
/// <param name="PeriodsPerYear">Bars per year of the data, to annualise <paramref name="Volatility"/>.</param>
/// <param name="TakerFeeRate">The fraction of notional charged as fee, so a sizer can leave room for it.</param>
public readonly record struct SizingRequest(
    Instrument Instrument,
    double TargetExposure,
    Price ReferencePrice,
    decimal Equity,
    decimal Cash,
    Quantity CurrentPosition,
    double Volatility,
    double PeriodsPerYear,
    decimal TakerFeeRate);
