using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CryptoOrchestrator.Plugins.Status;

/// <summary>
/// Reads and writes the status file: <c>{"format": 1, "plugins": [{"id", "status", "reason", "version", "source", "since"}]}</c>.
/// Read with a strict token reader rather than a serializer so every fault names its line,
/// including the ones a serializer cannot see (a duplicate id, an empty id).
/// </summary>
internal static class PluginStatusFileFormat
{
    private const int Format = 1;

    public static List<PluginStatusRecord> Read(ReadOnlySpan<byte> json, string file)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (json.StartsWith(bom))
        {
            json = json[bom.Length..];
        }

        var parser = new Parser(json, file);
        try
        {
            return parser.ReadDocument();
        }
        catch (JsonException e)
        {
            throw new PluginStatusFileException(file, (int)(e.LineNumber ?? 0) + 1, e.Message, e);
        }
    }

    // Relaxed escaping keeps the file readable for the operators who edit it ('+' in offsets, non-ASCII reasons); it is never embedded in HTML.
    public static byte[] Write(IEnumerable<PluginStatusRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", Format);
            writer.WriteStartArray("plugins");
            foreach (var record in records)
            {
                writer.WriteStartObject();
                writer.WriteString("id", record.Id);
                writer.WriteString("status", record.Status.ToString());
                writer.WriteString("reason", record.Reason);
                writer.WriteString("version", record.Version);
                writer.WriteString("source", record.Source);
                writer.WriteString("since", record.Since.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private ref struct Parser(ReadOnlySpan<byte> json, string file)
    {
        private readonly ReadOnlySpan<byte> _json = json;
        private Utf8JsonReader _reader = new(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        public List<PluginStatusRecord> ReadDocument()
        {
            Next();
            Expect(JsonTokenType.StartObject, """an object {"format": 1, "plugins": [...]}""");
            List<PluginStatusRecord>? records = null;
            var seenFormat = false;
            while (Next() != JsonTokenType.EndObject)
            {
                var name = _reader.GetString();
                Next();
                switch (name)
                {
                    case "format" when !seenFormat:
                        seenFormat = true;
                        if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetInt32(out var format) || format != Format)
                        {
                            throw Fault($"format {Text()} is not one this host reads (it reads format {Format})");
                        }

                        break;
                    case "plugins" when records is null:
                        records = ReadRecords();
                        break;
                    case "format" or "plugins":
                        throw Fault($"property '{name}' appears more than once");
                    default:
                        throw Fault($"unknown property '{name}'");
                }
            }

            if (!seenFormat || records is null)
            {
                throw Fault($"the document lacks its '{(seenFormat ? "plugins" : "format")}' property");
            }

            // A second value or stray text after the document is a fault the reader reports itself.
            _reader.Read();
            return records;
        }

        private List<PluginStatusRecord> ReadRecords()
        {
            Expect(JsonTokenType.StartArray, "an array of plugin entries");
            var records = new List<PluginStatusRecord>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (Next() != JsonTokenType.EndArray)
            {
                var (record, idLine) = ReadRecord();
                if (!ids.Add(record.Id))
                {
                    throw new PluginStatusFileException(file, idLine, $"plugin id '{record.Id}' appears more than once");
                }

                records.Add(record);
            }

            return records;
        }

        private (PluginStatusRecord Record, int IdLine) ReadRecord()
        {
            Expect(JsonTokenType.StartObject, "a plugin entry object");
            var entryLine = Line();
            string? id = null, reason = null, version = null, source = null;
            PluginStatus? status = null;
            DateTimeOffset? since = null;
            var idLine = entryLine;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (Next() != JsonTokenType.EndObject)
            {
                var name = _reader.GetString()!;
                if (!seen.Add(name))
                {
                    throw Fault($"property '{name}' appears more than once in one entry");
                }

                Next();
                switch (name)
                {
                    case "id":
                        idLine = Line();
                        id = RequiredString(name);
                        if (id.Length == 0 || id.Trim().Length != id.Length)
                        {
                            throw Fault($"id '{id}' is empty or has surrounding blanks");
                        }

                        break;
                    case "status":
                        status = ParseStatus(RequiredString(name));
                        break;
                    case "reason":
                        reason = RequiredString(name);
                        break;
                    case "version":
                        version = OptionalString(name);
                        break;
                    case "source":
                        source = OptionalString(name);
                        break;
                    case "since":
                        since = ParseTime(RequiredString(name));
                        break;
                    default:
                        throw Fault($"unknown property '{name}' in a plugin entry");
                }
            }

            var missing = new[] { ("id", id is null), ("status", status is null), ("reason", reason is null), ("since", since is null) }
                .Where(field => field.Item2).Select(field => field.Item1).ToList();
            if (missing.Count > 0)
            {
                throw new PluginStatusFileException(file, entryLine, $"the plugin entry lacks {string.Join(", ", missing)}");
            }

            return (new PluginStatusRecord(id!, status!.Value, reason!, version, source, since!.Value), idLine);
        }

        private readonly PluginStatus ParseStatus(string text)
        {
            // Names only: a number would silently mean whatever the enum says today.
            if (text.Length > 0 && char.IsLetter(text[0]) && Enum.TryParse<PluginStatus>(text, ignoreCase: false, out var status) && Enum.IsDefined(status))
            {
                return status;
            }

            throw Fault($"status '{text}' is not one of {string.Join(", ", Enum.GetNames<PluginStatus>())}");
        }

        private readonly DateTimeOffset ParseTime(string text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
                ? time
                : throw Fault($"since '{text}' is not a date and time (e.g. 2026-11-21T10:00:00+00:00)");

        private readonly string RequiredString(string name) =>
            _reader.TokenType == JsonTokenType.String ? _reader.GetString()! : throw Fault($"'{name}' must be a string, not {Text()}");

        private readonly string? OptionalString(string name) =>
            _reader.TokenType == JsonTokenType.Null ? null : RequiredString(name);

        private JsonTokenType Next()
        {
            if (!_reader.Read())
            {
                throw new PluginStatusFileException(file, Line(), "the file ends before the document does");
            }

            return _reader.TokenType;
        }

        private readonly void Expect(JsonTokenType type, string what)
        {
            if (_reader.TokenType != type)
            {
                throw Fault($"expected {what}, found {Text()}");
            }
        }

        private readonly string Text() => _reader.TokenType switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => $"\"{_reader.GetString()}\"",
            JsonTokenType.Null => "null",
            _ => System.Text.Encoding.UTF8.GetString(_reader.ValueSpan),
        };

        private readonly PluginStatusFileException Fault(string detail) => new(file, Line(), detail);

        private readonly int Line() => _json[..(int)_reader.TokenStartIndex].Count((byte)'\n') + 1;
    }
}
