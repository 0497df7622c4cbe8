using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>Rounds fill prices to the tick against the trader: up for a buy, down for a sell.</summary>
internal static class TickRounding
{
    public static Price AgainstTrader(OrderSide side, decimal price, Instrument instrument)
    {
        var direction = Direction(side);

        // First onto the 10^-8 grid in the same direction, then onto the tick, which is a multiple of it.
        var units = decimal.Round(price * 100_000_000m, 0, direction);
        return AgainstTrader(side, Price.FromUnits((long)units), instrument);
    }

    public static Price AgainstTrader(OrderSide side, Price price, Instrument instrument)
    {
        var rounded = instrument.RoundPrice(price, Direction(side));

        // A slippage model can push a sale below zero in a crash bar; nothing trades for less than one tick.
        return Price.Max(rounded, instrument.TickSize);
    }

    private static MidpointRounding Direction(OrderSide side) =>
        side == OrderSide.Buy ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity;
}
