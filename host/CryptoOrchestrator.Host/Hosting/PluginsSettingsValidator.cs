using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>Checks the <c>Plugins</c> section.</summary>
internal sealed class PluginsSettingsValidator : IValidateOptions<PluginsSettings>
{
    public ValidateOptionsResult Validate(string? name, PluginsSettings options) =>
        new SettingsChecks(PluginsSettings.Section).AtLeast(nameof(options.DebounceMs), options.DebounceMs, 1, "a quiet time in milliseconds").Result();
}
