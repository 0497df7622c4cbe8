using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>Checks the <c>Events</c> section.</summary>
internal sealed class EventsSettingsValidator : IValidateOptions<EventsSettings>
{
    public ValidateOptionsResult Validate(string? name, EventsSettings options) =>
        new SettingsChecks(EventsSettings.Section)
            .AtLeast(nameof(options.RetentionPerBot), options.RetentionPerBot, 1, "a number of events")
            .AtLeast(nameof(options.SubscriberCapacity), options.SubscriberCapacity, 1, "a number of events")
            .Result();
}
