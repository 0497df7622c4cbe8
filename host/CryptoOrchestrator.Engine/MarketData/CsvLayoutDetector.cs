using System.Globalization;
using System.Text;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// Tells a bar CSV's layout from its first line. A first field that reads as a time means there
/// is no header, and the column count picks a known layout (12: Binance kline; 7: Binance's
/// first seven; 6: time and OHLCV). Otherwise the line is a header and columns are found by
/// name, ignoring case, blanks, '_' and '-' (so "Open time", "open_time" and "Opentime" match).
/// </summary>
internal static class CsvLayoutDetector
{
    private const string TimeRole = "time";
    private const string CloseTimeRole = "close_time";

    private static readonly string[] TimeNames = ["time", "date", "timestamp", "datetime", "opentime"];

    private static readonly string[] RequiredRoles = [TimeRole, "open", "high", "low", "close", "volume"];

    public static CsvLayout Detect(ReadOnlySpan<byte> firstLine, string path)
    {
        var fields = ReadFields(firstLine);
        var first = fields[0];
        var isHeader = (first.Length == 0 && fields.Count > 1)
            || !TimestampParser.TryParse(Encoding.UTF8.GetBytes(first), out _);
        return isHeader ? FromHeader(fields, path) : Headerless(fields.Count, path);
    }

    private static CsvLayout Headerless(int fieldCount, string path)
    {
        var names = Enumerable.Range(1, fieldCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return fieldCount switch
        {
            12 => Fixed(names, "the 12-column Binance kline layout", closeTime: 6),
            7 => Fixed(names, "the 7-column layout open_time,open,high,low,close,volume,close_time", closeTime: 6),
            6 => Fixed(names, "the 6-column layout time,open,high,low,close,volume", closeTime: CsvLayout.None),
            _ => throw new MarketDataFormatException(
                path,
                1,
                null,
                $"the first line has no header (its first field is a time) and {fieldCount} columns, which match no known layout: 12 (Binance kline), 7 (open_time,open,high,low,close,volume,close_time) or 6 (time,open,high,low,close,volume)."),
        };
    }

    private static CsvLayout Fixed(string[] names, string description, int closeTime) => new()
    {
        Description = description,
        HasHeader = false,
        ColumnNames = names,
        Time = 0,
        Open = 1,
        High = 2,
        Low = 3,
        Close = 4,
        Volume = 5,
        CloseTime = closeTime,
    };

    private static CsvLayout FromHeader(List<string> header, string path)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var role = RoleOf(Normalize(header[i]), i);
            if (role is null)
            {
                continue;
            }

            if (columns.TryGetValue(role, out var earlier))
            {
                throw new MarketDataFormatException(
                    path,
                    1,
                    header[i],
                    $"columns '{header[earlier]}' and '{header[i]}' both look like the {role} column; keep only one.");
            }

            columns[role] = i;
        }

        foreach (var role in RequiredRoles)
        {
            if (!columns.ContainsKey(role))
            {
                var looked = role == TimeRole ? string.Join(", ", TimeNames) + " or a blank first header" : role;
                throw new MarketDataFormatException(
                    path,
                    1,
                    role,
                    $"the header has no {role} column (looked for {looked}); the first line was read as a header because its first field '{header[0]}' is not a time.");
            }
        }

        var names = header.Select((name, i) => name.Length == 0 ? (i + 1).ToString(CultureInfo.InvariantCulture) : name).ToArray();
        return new CsvLayout
        {
            Description = $"the header's {header.Count} columns",
            HasHeader = true,
            ColumnNames = names,
            Time = columns[TimeRole],
            Open = columns["open"],
            High = columns["high"],
            Low = columns["low"],
            Close = columns["close"],
            Volume = columns["volume"],
            CloseTime = columns.GetValueOrDefault(CloseTimeRole, CsvLayout.None),
        };
    }

    private static string? RoleOf(string normalized, int index)
    {
        if (normalized.Length == 0)
        {
            // pandas writes the index column with a blank name (Yahoo exports saved through it, e.g. GOOG.csv).
            return index == 0 ? TimeRole : null;
        }

        if (TimeNames.Contains(normalized))
        {
            return TimeRole;
        }

        return normalized switch
        {
            "open" or "high" or "low" or "close" or "volume" => normalized,
            "closetime" => CloseTimeRole,
            _ => null,
        };
    }

    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not (' ' or '_' or '-'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static List<string> ReadFields(ReadOnlySpan<byte> line)
    {
        var fields = new List<string>();
        foreach (var range in line.Split((byte)','))
        {
            fields.Add(Encoding.UTF8.GetString(CsvFields.Clean(line[range])));
        }

        return fields;
    }
}
