using System.Text.Encodings.Web;
using CryptoOrchestrator.Api.Security;
using CryptoOrchestrator.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Api.Auth;

/// <summary>
/// The API's one authentication handler: <c>Authorization: Bearer &lt;jwt&gt;</c>, <c>Authorization: ApiKey co_…</c>
/// or <c>X-Api-Key: co_…</c>; a browser's WebSocket, which cannot send headers, may pass the token as the
/// <c>access_token</c> query value. The user (and the API key) are read from the store, then kept in the
/// <see cref="CallerCache"/> for a short while; a change to a user or a key on this node clears it, so disabling a
/// user, lowering a role or revoking a key takes effect at once here, even for tokens already issued, and on other
/// nodes within the cache's lifetime. Credentials are never logged.
/// </summary>
internal sealed class ApiAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenIssuer tokens,
    IStore store,
    CallerCache callers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private const string ApiKeyPrefix = "ApiKey ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (kind, credential) = Credential(Request);
        if (kind == CredentialKind.None)
        {
            return AuthenticateResult.NoResult();
        }

        var caller = kind == CredentialKind.Token
            ? await FromTokenAsync(credential).ConfigureAwait(false)
            : await FromApiKeyAsync(credential).ConfigureAwait(false);
        return caller is null
            ? AuthenticateResult.Fail(kind == CredentialKind.Token ? "The bearer token is invalid or expired." : "The API key is invalid or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(), Caller.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
        return Task.CompletedTask;
    }

    private static (CredentialKind Kind, string Value) Credential(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (CredentialKind.Token, header[BearerPrefix.Length..].Trim());
        }

        if (header.StartsWith(ApiKeyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (CredentialKind.ApiKey, header[ApiKeyPrefix.Length..].Trim());
        }

        if (request.Headers["X-Api-Key"].ToString() is { Length: > 0 } key)
        {
            return (CredentialKind.ApiKey, key.Trim());
        }

        if (request.HttpContext.WebSockets.IsWebSocketRequest && request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            return ApiKeys.TryGetPrefix(query, out _) ? (CredentialKind.ApiKey, query) : (CredentialKind.Token, query);
        }

        return (CredentialKind.None, "");
    }

    private async Task<Caller?> FromTokenAsync(string token)
    {
        var identity = await tokens.ValidateAsync(token).ConfigureAwait(false);
        if (identity is null)
        {
            return null;
        }

        var key = "user:" + identity.UserId;
        if (callers.Find(key) is { } known)
        {
            return known;
        }

        var generation = callers.Generation;
        var user = await store.Users.GetAsync(identity.UserId, Context.RequestAborted).ConfigureAwait(false);
        return user is { Disabled: false } ? Kept(key, new Caller(user.Id, user.UserName, user.Role, null), generation) : null;
    }

    private async Task<Caller?> FromApiKeyAsync(string key)
    {
        if (!ApiKeys.TryGetPrefix(key, out var prefix))
        {
            return null;
        }

        // By the key's hash, so the cache never holds a key; the hash is what the store compares anyway.
        var hash = ApiKeys.Hash(key);
        var cacheKey = "key:" + hash;
        if (callers.Find(cacheKey) is { } known)
        {
            return known;
        }

        var generation = callers.Generation;
        var record = await store.Users.FindApiKeyByPrefixAsync(prefix, Context.RequestAborted).ConfigureAwait(false);
        if (record is not { RevokedMs: null } || !ApiKeys.HashMatches(hash, record.KeyHash))
        {
            return null;
        }

        var user = await store.Users.GetAsync(record.UserId, Context.RequestAborted).ConfigureAwait(false);
        return user is { Disabled: false }
            ? Kept(cacheKey, new Caller(user.Id, user.UserName, (Role)Math.Min((int)user.Role, (int)record.Role), record.Name), generation)
            : null;
    }

    private Caller Kept(string key, Caller caller, long generation)
    {
        callers.Keep(key, caller, generation);
        return caller;
    }

    private enum CredentialKind
    {
        None,
        Token,
        ApiKey,
    }
}
