using System.Security.Cryptography;
using CryptoOrchestrator.Api.Configuration;
using CryptoOrchestrator.Api.Security;
using CryptoOrchestrator.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Api.Auth;

/// <summary>
/// Creates the first admin when the store has no user at all, so a fresh install can be signed into: the one in
/// <c>Api:Bootstrap</c>, or else <c>admin</c> with a made-up password written to <c>initial-admin-password</c> under
/// <c>Api:KeysDirectory</c> (readable by the host's user only). Once any user exists nothing is created. Logs the
/// user name and the file, never the password.
/// </summary>
internal sealed partial class AdminBootstrapper(IStore store, IOptions<ApiSettings> settings, TimeProvider time, ILogger<AdminBootstrapper> log) : IHostedService
{
    public const string DefaultAdminUser = "admin";
    public const string PasswordFile = "initial-admin-password";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var api = settings.Value;
        if ((await store.Users.ListAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return;
        }

        var configured = !string.IsNullOrEmpty(api.Bootstrap.AdminUser) && !string.IsNullOrEmpty(api.Bootstrap.AdminPassword);
        var userName = configured ? api.Bootstrap.AdminUser! : DefaultAdminUser;
        var password = configured
            ? api.Bootstrap.AdminPassword!
            : KeyFiles.ReadOrCreateText(api.KeysDirectory, PasswordFile, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
        var admin = new UserRecord(Guid.NewGuid().ToString("N"), userName, Passwords.Hash(password), Role.Admin,
            time.GetUtcNow().ToUnixTimeMilliseconds(), Disabled: false);
        try
        {
            await store.Users.CreateAsync(admin, cancellationToken).ConfigureAwait(false);
            await store.Audit.AppendAsync(admin.CreatedMs, "bootstrap", "user.create", admin.Id, "{\"role\":\"Admin\"}", cancellationToken).ConfigureAwait(false);
            if (configured)
            {
                LogCreated(log, admin.UserName);
            }
            else
            {
                LogCreatedWithPasswordFile(log, admin.UserName, Path.Combine(api.KeysDirectory, PasswordFile));
            }
        }
        catch (DuplicateRecordException)
        {
            // Another node bootstrapped the same admin at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin user {UserName} from Api:Bootstrap")]
    private static partial void LogCreated(ILogger log, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin user {UserName}; its password is in {PasswordFile}: sign in and change it (POST /api/auth/password)")]
    private static partial void LogCreatedWithPasswordFile(ILogger log, string userName, string passwordFile);
}
