using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Tests.Support;

/// <summary>A plugin's declared defaults, overridden by "name=value" strings parsed through the declarations.</summary>
internal sealed class FakeParameterSet : IParameterSet
{
    private readonly Dictionary<string, object> _values;

    public FakeParameterSet(PluginMetadata metadata, IEnumerable<string> overrides)
    {
        _values = metadata.Parameters.ToDictionary(p => p.Name, p => p.DefaultValue);
        foreach (var item in overrides)
        {
            var parts = item.Split('=', 2);
            var definition = metadata.Parameters.Single(p => p.Name == parts[0]);
            _values[definition.Name] = definition.Parse(parts[1]);
        }
    }

    public int GetInt32(string name) => Get<int>(name);

    public decimal GetDecimal(string name) => Get<decimal>(name);

    public double GetDouble(string name) => Get<double>(name);

    public bool GetBoolean(string name) => Get<bool>(name);

    public string GetText(string name) => Get<string>(name);

    private T Get<T>(string name) => _values.TryGetValue(name, out var value) && value is T typed
        ? typed
        : throw new KeyNotFoundException($"No {typeof(T).Name} parameter '{name}' is declared.");
}
