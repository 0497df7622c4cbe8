using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CryptoOrchestrator.Persistence.Migrations;

/// <summary>One versioned SQL script, embedded as Migrations/&lt;Provider&gt;/NNNN_name.sql.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script: a script changed after it was applied somewhere is caught, not silently skipped.</summary>
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The provider's scripts, by version.</summary>
    public static IReadOnlyList<Migration> For(StoreProvider provider)
    {
        var assembly = typeof(Migration).Assembly;
        var folder = provider + "/";
        var migrations = assembly.GetManifestResourceNames()
            .Select(resource => (Resource: resource, Path: resource.Replace('\\', '/')))
            .Where(item => item.Path.StartsWith(folder, StringComparison.Ordinal) && item.Path.EndsWith(".sql", StringComparison.Ordinal))
            .Select(item => Load(assembly, item.Resource, item.Path[folder.Length..^".sql".Length]))
            .OrderBy(migration => migration.Version)
            .ToList();

        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"{provider} migrations must be numbered 1, 2, 3 … without gaps or repeats; found version {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static Migration Load(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' cannot be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
