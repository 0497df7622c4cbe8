using System.Text.Json;
using System.Text.Json.Serialization;
using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Runtime.Durability;

/// <summary>A bot's definition as the JSON the store keeps: camelCase names, enums by name.</summary>
public static class BotDefinitionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The definition as JSON.</summary>
    public static string Write(BotDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>The definition stored for <paramref name="botId"/>; <see cref="JsonException"/> naming the bot when it is not one.</summary>
    public static BotDefinition Read(string botId, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BotDefinition>(json, Options)
                ?? throw new JsonException($"The stored definition of bot '{botId}' is null.");
        }
        catch (JsonException e) when (!e.Message.StartsWith("The stored definition", StringComparison.Ordinal))
        {
            throw new JsonException($"The stored definition of bot '{botId}' is not a bot definition: {e.Message}", e);
        }
    }
}
