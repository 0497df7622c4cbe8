using System.Text;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>Turns a field path of a bot definition (<c>strategies[1].pluginId</c>) into its configuration key (<c>Bots:0:Strategies:1:PluginId</c>).</summary>
internal static class ConfigurationKey
{
    public static string OfBotField(int bot, string field)
    {
        var key = new StringBuilder($"{BotsSettings.Section}:{bot}");
        var previous = "";
        foreach (var segment in field.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            // Parameter names are the plugin's own, spelled as it declares them.
            key.Append(':').Append(previous == "parameters" ? name : Capitalised(name));
            if (bracket >= 0)
            {
                key.Append(':').Append(segment[(bracket + 1)..^1]);
            }

            previous = name;
        }

        return key.ToString();
    }

    private static string Capitalised(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
