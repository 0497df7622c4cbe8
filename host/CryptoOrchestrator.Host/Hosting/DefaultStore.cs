using CryptoOrchestrator.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// The store the API reads when the runtime registered none: SQLite in <c>orchestrator.db</c> under
/// <c>Runtime:BaseDirectory</c>, migrated when first asked for. A store registered by the runtime's own
/// storage settings takes precedence.
/// </summary>
internal static class DefaultStore
{
    public const string FileName = "orchestrator.db";

    public static IServiceCollection AddDefaultStore(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var runtime = provider.GetRequiredService<IOptions<RuntimeSettings>>().Value;
            return Stores.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = runtime.Resolve(FileName) }).GetAwaiter().GetResult();
        });
        return services;
    }
}
