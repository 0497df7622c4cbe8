using System.CommandLine;
using CryptoOrchestrator.Plugins;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>The <c>plugins</c> command: lists installed plugins, their parameters and any that failed to load.</summary>
internal static class PluginsCommand
{
    public static Command Create(TextWriter output)
    {
        var directory = new Option<string>("--plugins") { Description = "Folder of installed plugins.", DefaultValueFactory = _ => BacktestSettings.DefaultPlugins };
        var command = new Command("plugins", "Lists installed plugins and load problems.") { directory };
        command.SetAction(parse =>
        {
            var catalog = PluginCatalog.Discover(parse.GetValue(directory)!);
            foreach (var plugin in catalog.Plugins.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                output.WriteLine($"{plugin.Id} {plugin.Version} ({plugin.Kind}) — {plugin.Metadata.Description}");
                foreach (var parameter in plugin.Metadata.Parameters)
                {
                    var range = parameter.Minimum is null && parameter.Maximum is null ? "" : $" [{parameter.Minimum}..{parameter.Maximum}]";
                    output.WriteLine($"    {parameter.Name} ({parameter.Type}, default {parameter.DefaultValue}{range}) {parameter.Description}");
                }
            }

            foreach (var problem in catalog.Problems)
            {
                output.WriteLine($"problem: {problem}");
            }

            return catalog.Problems.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
