using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>Fills at the reference price (on tick) with no volume limit.</summary>
public sealed class NoSlippage : ISlippageModel
{
    private NoSlippage()
    {
    }

    /// <summary>The one instance; the model has no state.</summary>
    public static NoSlippage Instance { get; } = new();

    /// <inheritdoc />
    public Price Adjust(OrderSide side, Price reference, in Bar bar, Quantity quantity, Instrument instrument) =>
        TickRounding.AgainstTrader(side, reference, instrument);

    /// <inheritdoc />
    public Quantity MaxFill(in Bar bar, Quantity wanted) => wanted;
}
