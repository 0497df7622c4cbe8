using System.Text.Json;
using System.Text.Json.Serialization;

namespace CryptoOrchestrator.Api;

/// <summary>
/// The API's JSON: camelCase, enums as names, undefined ratios (NaN) as the string "NaN", and a body member
/// the target does not have refused naming it (a misspelt field must not be ignored in silence).
/// </summary>
public static class ApiJson
{
    /// <summary>The options the API reads and writes with.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
