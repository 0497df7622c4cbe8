using System.Text;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Plugins.Status;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>
/// The table <c>plugins list</c> prints: every plugin found with its status and reason, then what failed
/// to load, then ids the status file keeps out that are no longer installed.
/// </summary>
internal static class PluginTable
{
    private static readonly string[] Header = ["ID", "VERSION", "KIND", "STATUS", "REASON", "SOURCE"];

    public static List<string[]> Rows(PluginCatalog catalog, PluginStatusStore store, string pluginsDirectory)
    {
        var found = catalog.Plugins
            .Select(plugin => new[] { plugin.Id, plugin.Version.ToNormalizedString(), plugin.Kind.ToString(), nameof(PluginStatus.Active), "", Source(plugin.SourceFile, pluginsDirectory) })
            .Concat(catalog.Excluded.Select(plugin => new[] { plugin.Id, plugin.Version, plugin.Kind.ToString(), plugin.Status.ToString(), plugin.Reason, Source(plugin.SourceFile, pluginsDirectory) }))
            .OrderBy(row => row[0], StringComparer.Ordinal);
        var problems = catalog.Problems.Select(problem => new[]
        {
            problem.PluginId ?? problem.TypeName ?? "-", problem.Version ?? "-", "-", problem.Kind.ToStatus().ToString(), $"{problem.Kind}: {problem.Reason}", Source(problem.File, pluginsDirectory),
        });
        var installed = catalog.Plugins.Select(plugin => plugin.Id).Concat(catalog.Excluded.Select(plugin => plugin.Id)).ToHashSet(StringComparer.Ordinal);
        var absent = store.All
            .Where(record => record.Status is PluginStatus.Disabled or PluginStatus.Malfunctioned && !installed.Contains(record.Id))
            .Select(record => new[] { record.Id, record.Version ?? "-", "-", record.Status.ToString(), $"{record.Reason} (not installed)", record.Source ?? "-" });
        return [.. found, .. problems, .. absent];
    }

    public static string Render(IReadOnlyList<string[]> rows)
    {
        var all = rows.Prepend(Header).Select(row => row.Select(cell => cell.ReplaceLineEndings(" ")).ToArray()).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(column => all.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        return text.ToString();
    }

    // The top-level entry under the plugins directory (its folder or .nupkg); the full path for anything elsewhere.
    private static string Source(string path, string pluginsDirectory)
    {
        var relative = Path.GetRelativePath(pluginsDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
    }
}
