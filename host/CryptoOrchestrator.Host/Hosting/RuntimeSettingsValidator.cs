using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>Checks the <c>Runtime</c> section.</summary>
internal sealed class RuntimeSettingsValidator : IValidateOptions<RuntimeSettings>
{
    public ValidateOptionsResult Validate(string? name, RuntimeSettings options)
    {
        var checks = new SettingsChecks(RuntimeSettings.Section)
            .AtLeast(nameof(options.InputCapacity), options.InputCapacity, 1, "a queue length")
            .AtLeast(nameof(options.EventBufferCapacity), options.EventBufferCapacity, 2, "a buffer length")
            .AtLeast(nameof(options.DrainTimeoutMs), options.DrainTimeoutMs, 0, "a time in milliseconds");
        if (!Directory.Exists(options.BaseDirectory))
        {
            checks.Fail(nameof(options.BaseDirectory), $"'{options.BaseDirectory}' is not a folder");
        }

        return checks.Result();
    }
}
