using System.Collections.Frozen;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Configuration;

/// <summary>
/// A plugin's parameter values, parsed and range-checked once against its declared parameters;
/// every value not supplied is the declared default.
/// </summary>
public sealed class ParameterSet : IParameterSet
{
    private readonly FrozenDictionary<string, int> _indexByName;
    private readonly ParameterValue[] _values;
    private readonly IReadOnlyList<ParameterDefinition> _definitions;

    /// <summary>From <c>name=value</c> pairs, as given on a command line.</summary>
    public ParameterSet(PluginMetadata metadata, IEnumerable<string> assignments)
        : this(metadata, SplitAssignments(metadata, assignments))
    {
    }

    /// <summary>From a map of names to invariant text values, as read from a configuration file.</summary>
    public ParameterSet(PluginMetadata metadata, IReadOnlyDictionary<string, string> values)
        : this(metadata, (IEnumerable<KeyValuePair<string, string>>)values)
    {
    }

    private ParameterSet(PluginMetadata metadata, IEnumerable<KeyValuePair<string, string>> supplied)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(supplied);
        PluginId = metadata.Id;
        _definitions = metadata.Parameters;
        _indexByName = IndexDefinitions(metadata);
        _values = new ParameterValue[_definitions.Count];
        var given = new bool[_definitions.Count];
        foreach (var (name, text) in supplied)
        {
            var index = IndexOf(name);
            if (given[index])
            {
                throw new PluginConfigurationException(PluginId, name, $"Plugin '{PluginId}': parameter '{name}' is given more than once.");
            }

            given[index] = true;
            _values[index] = ParseValue(_definitions[index], text);
        }

        for (var i = 0; i < _values.Length; i++)
        {
            if (!given[i])
            {
                _values[i] = ParameterValue.From(_definitions[i].Type, _definitions[i].DefaultValue);
            }
        }

        EffectiveValues = _definitions
            .Select((definition, i) => KeyValuePair.Create(definition.Name, _values[i].ToInvariantString()))
            .ToArray();
    }

    /// <summary>The plugin these values belong to.</summary>
    public string PluginId { get; }

    /// <summary>
    /// Every declared parameter with its effective value as invariant text, in declaration order:
    /// what a run records so it can be repeated.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> EffectiveValues { get; }

    /// <summary>All declared defaults.</summary>
    public static ParameterSet Defaults(PluginMetadata metadata) => new(metadata, Array.Empty<string>());

    // The getters run inside plugins' per-bar code: one frozen-dictionary lookup and a field read, no allocation.

    /// <inheritdoc />
    public int GetInt32(string name) => Read(name, ParameterType.Integer).Integer;

    /// <inheritdoc />
    public decimal GetDecimal(string name) => Read(name, ParameterType.Decimal).Decimal;

    /// <inheritdoc />
    public double GetDouble(string name) => Read(name, ParameterType.Double).Double;

    /// <inheritdoc />
    public bool GetBoolean(string name) => Read(name, ParameterType.Boolean).Boolean;

    /// <inheritdoc />
    public string GetText(string name) => Read(name, ParameterType.Text).Text!;

    private static IEnumerable<KeyValuePair<string, string>> SplitAssignments(PluginMetadata metadata, IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(assignments);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var assignment in assignments)
        {
            var equals = assignment?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            var name = equals > 0 ? assignment![..equals].Trim() : "";
            if (name.Length == 0)
            {
                throw new PluginConfigurationException(
                    metadata.Id,
                    null,
                    $"Plugin '{metadata.Id}': '{assignment}' is not a parameter assignment; expected name=value.");
            }

            pairs.Add(KeyValuePair.Create(name, assignment![(equals + 1)..]));
        }

        return pairs;
    }

    private static FrozenDictionary<string, int> IndexDefinitions(PluginMetadata metadata)
    {
        var index = new Dictionary<string, int>(metadata.Parameters.Count, StringComparer.Ordinal);
        for (var i = 0; i < metadata.Parameters.Count; i++)
        {
            var name = metadata.Parameters[i].Name;
            if (!index.TryAdd(name, i))
            {
                throw new PluginConfigurationException(metadata.Id, name, $"Plugin '{metadata.Id}' declares parameter '{name}' more than once.");
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private ParameterValue ParseValue(ParameterDefinition definition, string text)
    {
        if (text is null)
        {
            throw new PluginConfigurationException(PluginId, definition.Name, $"Plugin '{PluginId}': parameter '{definition.Name}' has no value.");
        }

        try
        {
            return ParameterValue.From(definition.Type, definition.Parse(text));
        }
        catch (FormatException e)
        {
            throw new PluginConfigurationException(PluginId, definition.Name, $"Plugin '{PluginId}': {e.Message}", e);
        }
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_indexByName.TryGetValue(name, out var index))
        {
            return index;
        }

        var declared = _definitions.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", _definitions.Select(d => d.Name));
        throw new PluginConfigurationException(PluginId, name, $"Plugin '{PluginId}' has no parameter '{name}'; {declared}.");
    }

    private ref readonly ParameterValue Read(string name, ParameterType type)
    {
        ref readonly var value = ref _values[IndexOf(name)];
        if (value.Type != type)
        {
            throw new PluginConfigurationException(
                PluginId,
                name,
                $"Plugin '{PluginId}': parameter '{name}' is declared {Describe(value.Type)} but was read as {Describe(type)}.");
        }

        return ref value;
    }

    private static string Describe(ParameterType type) => type.ToString().ToLowerInvariant();
}
