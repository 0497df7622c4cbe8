using System.Text.Json;
using System.Text.Json.Serialization;

namespace CryptoOrchestrator.Host.Output;

/// <summary>Writes decimals as exact JSON numbers without trailing zeros.</summary>
internal sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(MoneyText.Of(value), skipInputValidation: true);
}
