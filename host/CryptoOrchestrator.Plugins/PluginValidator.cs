using System.Text.RegularExpressions;
using CryptoOrchestrator.Sdk.Plugins;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins;

/// <summary>Checks what a plugin declares about itself against the plugin rules and this host's SDK.</summary>
internal static partial class PluginValidator
{
    /// <summary>A descriptor for a plugin whose metadata passes; otherwise throws <see cref="PluginRejectedException"/>.</summary>
    public static PluginDescriptor Describe(PluginMetadata? metadata, Type pluginType, string sourceFile, Func<IPlugin> factory, NuGetVersion sdkVersion)
    {
        if (metadata is null)
        {
            throw Invalid("Metadata is null");
        }

        if (metadata.Id is null || !KebabCaseId().IsMatch(metadata.Id))
        {
            throw Invalid($"id '{metadata.Id}' is not lower-case kebab-case (e.g. 'sma-crossover')");
        }

        if (metadata.Version is null || !NuGetVersion.TryParseStrict(metadata.Version, out var version))
        {
            throw Invalid($"version '{metadata.Version}' is not a semantic version (e.g. '1.2.0')");
        }

        if (metadata.SdkVersionRange is null || !VersionRange.TryParse(metadata.SdkVersionRange, out var sdkRange))
        {
            throw Invalid($"SDK version range '{metadata.SdkVersionRange}' is not a NuGet version range (e.g. '[0.1.0, 1.0.0)')");
        }

        if (!sdkRange.Satisfies(sdkVersion))
        {
            throw new PluginRejectedException(
                PluginProblemKind.NotSupported,
                $"requires SDK {sdkRange.ToNormalizedString()} but this host runs SDK {sdkVersion.ToNormalizedString()}");
        }

        var expectedInterface = PluginKindInterfaces.InterfaceOf(metadata.Kind)
            ?? throw Invalid($"kind {(int)metadata.Kind} is not a plugin kind");
        if (!expectedInterface.IsAssignableFrom(pluginType))
        {
            throw Invalid($"declares kind {metadata.Kind} but does not implement {expectedInterface.Name}");
        }

        CheckParameters(metadata.Parameters);
        return new PluginDescriptor(metadata, version, sdkRange, sourceFile, pluginType, factory);
    }

    private static void CheckParameters(IReadOnlyList<ParameterDefinition>? parameters)
    {
        if (parameters is null)
        {
            throw Invalid("Parameters is null");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (parameter is null)
            {
                throw Invalid("Parameters holds a null entry");
            }

            if (!names.Add(parameter.Name))
            {
                throw Invalid($"declares parameter '{parameter.Name}' more than once");
            }
        }
    }

    private static PluginRejectedException Invalid(string reason) => new(PluginProblemKind.Invalid, reason);

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KebabCaseId();
}
