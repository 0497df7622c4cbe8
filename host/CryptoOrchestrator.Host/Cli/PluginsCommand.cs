using System.CommandLine;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Plugins.Status;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>
/// The <c>plugins</c> command: <c>list</c> (also what <c>plugins</c> alone does) shows installed plugins with
/// their status and reason and the ones that failed to load; <c>enable ID</c> and <c>disable ID</c> change
/// the status file the host honours when it loads plugins.
/// </summary>
internal static class PluginsCommand
{
    /// <summary>
    /// <c>--state</c>: the plugin status file; by default the one beside the plugins folder, which is the
    /// file a backtest and a running host read.
    /// </summary>
    public static Option<string?> StateOption() =>
        new("--state") { Description = "Plugin status file (default: state/plugin-status.json beside the plugins folder).", Recursive = true };

    /// <summary>The status file <c>--state</c> names, or the default for <paramref name="pluginsDirectory"/>.</summary>
    public static PluginStatusStore OpenStatus(string? stateFile, string pluginsDirectory) =>
        new(stateFile ?? PluginCatalogOptions.DefaultStatusFile(pluginsDirectory));

    public static Command Create(TextWriter output)
    {
        var directory = new Option<string>("--plugins") { Description = "Folder of installed plugins.", DefaultValueFactory = _ => BacktestSettings.DefaultPlugins, Recursive = true };
        var state = StateOption();
        var enableId = new Argument<string>("id") { Description = "The plugin's id." };
        var disableId = new Argument<string>("id") { Description = "The plugin's id." };
        var reason = new Option<string>("--reason") { Description = "Why, kept in the status file.", DefaultValueFactory = _ => "disabled by the operator" };
        var list = new Command("list", "Lists installed plugins with their status and reason, and load problems.");
        var enable = new Command("enable", "Lets a disabled or quarantined plugin load again.") { enableId };
        var disable = new Command("disable", "Keeps a plugin from loading until it is enabled again.") { disableId, reason };
        var command = new Command("plugins", "Lists installed plugins with their status; enables and disables them.") { directory, state, list, enable, disable };

        int List(ParseResult parse) => ListPlugins(parse.GetValue(directory)!, OpenStatus(parse.GetValue(state), parse.GetValue(directory)!), output);
        command.SetAction(List);
        list.SetAction(List);
        enable.SetAction(parse =>
        {
            var (store, id) = Known(parse.GetValue(directory)!, parse.GetValue(state), parse.GetValue(enableId)!);
            var record = store.Find(id);
            if (record?.Status is not (PluginStatus.Disabled or PluginStatus.Malfunctioned))
            {
                output.WriteLine($"{id} is neither disabled nor quarantined; nothing changed.");
                return 0;
            }

            store.Enable(id);
            output.WriteLine($"enabled {id} (was {record.Status}: {record.Reason})");
            return 0;
        });
        disable.SetAction(parse =>
        {
            var (store, id) = Known(parse.GetValue(directory)!, parse.GetValue(state), parse.GetValue(disableId)!);
            var why = parse.GetValue(reason)!;
            store.Disable(id, why);
            output.WriteLine($"disabled {id}: {why}");
            return 0;
        });
        return command;
    }

    private static int ListPlugins(string pluginsDirectory, PluginStatusStore store, TextWriter output)
    {
        var catalog = PluginCatalog.Discover(pluginsDirectory, new PluginCatalogOptions { StatusStore = store });
        output.Write(PluginTable.Render(PluginTable.Rows(catalog, store, Path.GetFullPath(pluginsDirectory))));
        return catalog.Problems.Count == 0 ? 0 : 1;
    }

    /// <summary>The store, once <paramref name="id"/> is known to be installed or on record; otherwise throws listing the ids that are.</summary>
    private static (PluginStatusStore Store, string Id) Known(string pluginsDirectory, string? stateFile, string id)
    {
        var store = OpenStatus(stateFile, pluginsDirectory);
        var catalog = PluginCatalog.Discover(pluginsDirectory, new PluginCatalogOptions { StatusStore = store });
        var known = catalog.Plugins.Select(plugin => plugin.Id)
            .Concat(catalog.Excluded.Select(plugin => plugin.Id))
            .Concat(catalog.Problems.Select(problem => problem.PluginId).OfType<string>())
            .Concat(store.All.Select(record => record.Id))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (known.Contains(id, StringComparer.Ordinal))
        {
            return (store, id);
        }

        var listed = known.Count == 0 ? "No plugin is known." : $"Known: {string.Join(", ", known)}.";
        throw new PluginNotFoundException(id, known, $"No plugin '{id}' is installed in {Path.GetFullPath(pluginsDirectory)} or on record in {store.File}. {listed}");
    }
}
