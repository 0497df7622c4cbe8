using CryptoOrchestrator.Sdk.Domain;

namespace Co.Exchange1;

/// <summary>How sides and order types are spelled on the wire, both ways.</summary>
public static class WireNames
{
    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public static string Of(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";

    /// <summary><c>market</c>, <c>limit</c>, <c>stop-market</c> or <c>stop-limit</c>.</summary>
    public static string Of(OrderType type) => type switch
    {
        OrderType.Market => "market",
        OrderType.Limit => "limit",
        OrderType.StopMarket => "stop-market",
        OrderType.StopLimit => "stop-limit",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown order type."),
    };

    /// <summary>The side a wire name stands for.</summary>
    public static OrderSide Side(string? name) => name switch
    {
        "buy" => OrderSide.Buy,
        "sell" => OrderSide.Sell,
        _ => throw new FormatException($"Unknown side '{name}' on the wire."),
    };

    /// <summary>The order type a wire name stands for.</summary>
    public static OrderType Type(string? name) => name switch
    {
        "market" => OrderType.Market,
        "limit" => OrderType.Limit,
        "stop-market" => OrderType.StopMarket,
        "stop-limit" => OrderType.StopLimit,
        _ => throw new FormatException($"Unknown order type '{name}' on the wire."),
    };
}
