using CryptoOrchestrator.Runtime.Bots;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// Checks every configured bot as the bot manager would on creation (plugins installed, parameters, files,
/// feeds…) and that no two share an id; each failure names its configuration key (<c>Bots:1:Strategies:0:PluginId</c>).
/// </summary>
internal sealed class BotsSettingsValidator(IServiceProvider services) : IValidateOptions<BotsSettings>
{
    public ValidateOptionsResult Validate(string? name, BotsSettings options)
    {
        BotManager bots;
        try
        {
            // Resolved here, not injected: the manager loads plugins, which needs the other sections valid.
            bots = (BotManager)services.GetService(typeof(BotManager))!;
        }
        catch (OptionsValidationException)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        for (var i = 0; i < options.Definitions.Count; i++)
        {
            var definition = options.Definitions[i];
            failures.AddRange(bots.Validate(definition).Select(error => $"{ConfigurationKey.OfBotField(i, error.Field)}: {error.Message}"));
            var first = options.Definitions.Take(i).ToList().FindIndex(other => other.Id == definition.Id);
            if (first >= 0 && !string.IsNullOrEmpty(definition.Id))
            {
                failures.Add($"{ConfigurationKey.OfBotField(i, "id")}: '{definition.Id}' is already the id of {ConfigurationKey.OfBotField(first, "")[..^1]}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
