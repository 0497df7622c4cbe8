using CryptoOrchestrator.Persistence;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

internal sealed class StorageSettingsValidator : IValidateOptions<StorageSettings>
{
    public ValidateOptionsResult Validate(string? name, StorageSettings options)
    {
        var checks = new SettingsChecks(StorageSettings.Section)
            .AtLeast(nameof(options.BusyTimeoutMs), options.BusyTimeoutMs, 1, "a time in milliseconds")
            .AtLeast(nameof(options.CheckpointEverySteps), options.CheckpointEverySteps, 1, "a number of steps")
            .AtLeast(nameof(options.CheckpointIntervalMs), options.CheckpointIntervalMs, 1, "a time in milliseconds");
        if (!Enum.TryParse<StoreProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            checks.Fail(nameof(options.Provider), $"'{options.Provider}' is not one of: Sqlite, Postgres");
        }
        else if (provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            checks.Fail(nameof(options.ConnectionString), "is required for Postgres (an Npgsql connection string)");
        }

        if (!Enum.TryParse<SqliteDurability>(options.SqliteDurability, ignoreCase: true, out var durability) || !Enum.IsDefined(durability))
        {
            checks.Fail(nameof(options.SqliteDurability), $"'{options.SqliteDurability}' is not one of: PowerLoss, ProcessCrash");
        }

        return checks.Result();
    }
}
