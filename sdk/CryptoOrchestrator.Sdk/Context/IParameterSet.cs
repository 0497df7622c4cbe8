namespace CryptoOrchestrator.Sdk.Context;

/// <summary>
/// The plugin's parameter values, already parsed and range-checked against its declared
/// <see cref="Plugins.ParameterDefinition"/>s; a value not supplied is the declared default.
/// Asking for an undeclared name or with the wrong type throws, naming the parameter.
/// </summary>
public interface IParameterSet
{
    /// <summary>An integer parameter.</summary>
    int GetInt32(string name);

    /// <summary>An exact decimal parameter.</summary>
    decimal GetDecimal(string name);

    /// <summary>A floating-point parameter.</summary>
    double GetDouble(string name);

    /// <summary>A boolean parameter.</summary>
    bool GetBoolean(string name);

    /// <summary>A text parameter.</summary>
    string GetText(string name);
}
