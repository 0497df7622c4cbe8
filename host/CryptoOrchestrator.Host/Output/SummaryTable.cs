using System.Globalization;
using System.Text;

namespace CryptoOrchestrator.Host.Output;

/// <summary>A two-column, aligned text table for terminals: labels left, values right.</summary>
internal sealed class SummaryTable(string title)
{
    private readonly List<(string Label, string Value)> _rows = [];

    public SummaryTable Row(string label, string value)
    {
        _rows.Add((label, value));
        return this;
    }

    public SummaryTable Row(string label, decimal value, string format = "N2") =>
        Row(label, value.ToString(format, CultureInfo.InvariantCulture));

    public SummaryTable Percent(string label, double fraction) =>
        Row(label, double.IsFinite(fraction) ? fraction.ToString("P2", CultureInfo.InvariantCulture) : "n/a");

    public SummaryTable Number(string label, double value, string format = "F2") =>
        Row(label, double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : (double.IsPositiveInfinity(value) ? "inf" : "n/a"));

    public override string ToString()
    {
        var labelWidth = Math.Max(title.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r.Label.Length));
        var valueWidth = _rows.Count == 0 ? 0 : _rows.Max(r => r.Value.Length);
        var rule = new string('─', labelWidth + valueWidth + 5);
        var text = new StringBuilder();
        text.AppendLine(rule);
        text.Append(' ').AppendLine(title);
        text.AppendLine(rule);
        foreach (var (label, value) in _rows)
        {
            text.Append(' ').Append(label.PadRight(labelWidth)).Append("   ").AppendLine(value.PadLeft(valueWidth));
        }

        text.Append(rule);
        return text.ToString();
    }
}
