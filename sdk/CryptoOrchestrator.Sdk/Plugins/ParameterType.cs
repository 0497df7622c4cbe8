namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>The type of a declared plugin parameter.</summary>
public enum ParameterType
{
    /// <summary>A whole number (<see cref="int"/>).</summary>
    Integer = 1,

    /// <summary>An exact decimal number (<see cref="decimal"/>): use for prices, quantities and money.</summary>
    Decimal = 2,

    /// <summary>A floating-point number (<see cref="double"/>): use for statistics such as thresholds on indicators.</summary>
    Double = 3,

    /// <summary>true or false.</summary>
    Boolean = 4,

    /// <summary>Free text.</summary>
    Text = 5,
}
