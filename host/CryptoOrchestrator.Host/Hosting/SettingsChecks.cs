using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>Collects a settings section's failures, each as "Section:Key: what is wrong".</summary>
internal sealed class SettingsChecks(string section)
{
    private readonly List<string> _failures = [];

    public SettingsChecks AtLeast(string key, long value, long minimum, string what)
    {
        if (value < minimum)
        {
            _failures.Add($"{section}:{key}: {value} is not {what}: at least {minimum}");
        }

        return this;
    }

    public SettingsChecks Fail(string key, string message)
    {
        _failures.Add($"{section}:{key}: {message}");
        return this;
    }

    public ValidateOptionsResult Result() => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
