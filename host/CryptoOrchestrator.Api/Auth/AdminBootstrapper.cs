using CryptoOrchestrator.Api.Configuration;
using CryptoOrchestrator.Api.Security;
using CryptoOrchestrator.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Api.Auth;

/// <summary>
/// Creates the first admin from <c>Api:Bootstrap</c> when the store has no user at all, so a fresh install can be
/// signed into; once any user exists the settings are ignored. Logs the user name, never the password.
/// </summary>
internal sealed partial class AdminBootstrapper(IStore store, IOptions<ApiSettings> settings, TimeProvider time, ILogger<AdminBootstrapper> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bootstrap = settings.Value.Bootstrap;
        if ((await store.Users.ListAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return;
        }

        if (string.IsNullOrEmpty(bootstrap.AdminUser) || string.IsNullOrEmpty(bootstrap.AdminPassword))
        {
            LogNoUsers(log);
            return;
        }

        var admin = new UserRecord(Guid.NewGuid().ToString("N"), bootstrap.AdminUser, Passwords.Hash(bootstrap.AdminPassword), Role.Admin,
            time.GetUtcNow().ToUnixTimeMilliseconds(), Disabled: false);
        try
        {
            await store.Users.CreateAsync(admin, cancellationToken).ConfigureAwait(false);
            await store.Audit.AppendAsync(admin.CreatedMs, "bootstrap", "user.create", admin.Id, "{\"role\":\"Admin\"}", cancellationToken).ConfigureAwait(false);
            LogCreated(log, admin.UserName);
        }
        catch (DuplicateRecordException)
        {
            // Another node bootstrapped the same admin at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin user {UserName} from Api:Bootstrap")]
    private static partial void LogCreated(ILogger log, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No user exists and Api:Bootstrap is not set: nobody can sign in to the API")]
    private static partial void LogNoUsers(ILogger log);
}
