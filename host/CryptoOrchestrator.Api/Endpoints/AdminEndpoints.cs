using CryptoOrchestrator.Api.Audit;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Errors;
using CryptoOrchestrator.Api.Security;
using CryptoOrchestrator.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>Admin only: users, their API keys, exchange accounts and the audit log.</summary>
internal static class AdminEndpoints
{
    private const int MaxNameLength = 64;

    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(ApiPolicies.Admin);
        users.MapGet("/", async (IStore store, CancellationToken cancellation) =>
            TypedResults.Ok((await store.Users.ListAsync(cancellation).ConfigureAwait(false)).Select(UserView.Of).ToList()));
        users.MapPost("/", CreateUserAsync).Audited("user.create");
        users.MapPost("/{id}/disable", (string id, IStore store, CallerCache callers, CancellationToken cancellation) =>
            UpdateUserAsync(id, store, callers, user => user with { Disabled = true }, cancellation)).Audited("user.disable");
        users.MapPost("/{id}/enable", (string id, IStore store, CallerCache callers, CancellationToken cancellation) =>
            UpdateUserAsync(id, store, callers, user => user with { Disabled = false }, cancellation)).Audited("user.enable");
        users.MapPut("/{id}/role", async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> (string id, RoleChange change, IStore store, CallerCache callers, HttpContext context, CancellationToken cancellation) =>
        {
            if (change.Role is not { } role || !Enum.IsDefined(role))
            {
                return Problems.Invalid("role", "must be viewer, trader, operator or admin");
            }

            Auditor.Describe(context, id, new { Role = role });
            return await UpdateUserAsync(id, store, callers, user => user with { Role = role }, cancellation).ConfigureAwait(false);
        }).Audited("user.role");
        users.MapGet("/{id}/api-keys", async Task<Results<Ok<List<ApiKeyView>>, ProblemHttpResult>> (string id, IStore store, CancellationToken cancellation) =>
            await store.Users.GetAsync(id, cancellation).ConfigureAwait(false) is null
                ? Problems.NotFound($"There is no user '{id}'.")
                : TypedResults.Ok((await store.Users.ListApiKeysAsync(id, cancellation).ConfigureAwait(false)).Select(ApiKeyView.Of).ToList()));
        users.MapPost("/{id}/api-keys", CreateApiKeyAsync).Audited("apikey.create");
        users.MapDelete("/{id}/api-keys/{keyId}", RevokeApiKeyAsync).Audited("apikey.revoke");

        var accounts = api.MapGroup("/exchange-accounts").WithTags("Exchange accounts").RequireAuthorization(ApiPolicies.Admin);
        accounts.MapGet("/", async (IStore store, CancellationToken cancellation) =>
            TypedResults.Ok((await store.ExchangeAccounts.ListAsync(cancellation).ConfigureAwait(false)).Select(ExchangeAccountView.Of).ToList()));
        accounts.MapGet("/{id}", async Task<Results<Ok<ExchangeAccountView>, ProblemHttpResult>> (string id, IStore store, CancellationToken cancellation) =>
            await store.ExchangeAccounts.GetAsync(id, cancellation).ConfigureAwait(false) is { } account
                ? TypedResults.Ok(ExchangeAccountView.Of(account))
                : Problems.NotFound($"There is no exchange account '{id}'."));
        accounts.MapPost("/", CreateAccountAsync).Audited("exchange-account.create");
        accounts.MapDelete("/{id}", async (string id, IStore store, CancellationToken cancellation) =>
        {
            await store.ExchangeAccounts.DeleteAsync(id, cancellation).ConfigureAwait(false);
            return TypedResults.NoContent();
        }).Audited("exchange-account.delete");

        api.MapGet("/audit", async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> (long? after, int? limit, IStore store, CancellationToken cancellation) =>
            limit is < 1 or > 1_000
                ? Problems.Invalid("limit", "must be between 1 and 1000")
                : TypedResults.Ok(await store.Audit.ReadAsync(after ?? 0, limit ?? 1_000, cancellation).ConfigureAwait(false)))
            .WithTags("Audit").RequireAuthorization(ApiPolicies.Admin);
    }

    private static async Task<Results<Created<UserView>, ValidationProblem>> CreateUserAsync(
        NewUser request, IStore store, TimeProvider time, HttpContext context, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > MaxNameLength)
        {
            errors["userName"] = [$"is required, at most {MaxNameLength} characters"];
        }

        if (request.Password is null || request.Password.Length < Passwords.MinimumLength)
        {
            errors["password"] = [$"at least {Passwords.MinimumLength} characters are required"];
        }

        if (request.Role is not { } role || !Enum.IsDefined(role))
        {
            errors["role"] = ["must be viewer, trader, operator or admin"];
            role = default;
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var user = new UserRecord(NewId(), request.UserName!.Trim(), Passwords.Hash(request.Password!), role, time.GetUtcNow().ToUnixTimeMilliseconds(), Disabled: false);
        Auditor.Describe(context, user.Id, new { user.UserName, user.Role });
        await store.Users.CreateAsync(user, cancellation).ConfigureAwait(false);
        return TypedResults.Created($"/api/users/{user.Id}", UserView.Of(user));
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> UpdateUserAsync(
        string id, IStore store, CallerCache callers, Func<UserRecord, UserRecord> change, CancellationToken cancellation)
    {
        var user = await store.Users.GetAsync(id, cancellation).ConfigureAwait(false);
        if (user is null)
        {
            return Problems.NotFound($"There is no user '{id}'.");
        }

        var changed = change(user);
        await store.Users.UpdateAsync(changed, cancellation).ConfigureAwait(false);
        callers.Invalidate();
        return TypedResults.Ok(UserView.Of(changed));
    }

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem, ProblemHttpResult>> CreateApiKeyAsync(
        string id, NewApiKeyRequest request, IStore store, TimeProvider time, HttpContext context, CancellationToken cancellation)
    {
        var user = await store.Users.GetAsync(id, cancellation).ConfigureAwait(false);
        if (user is null)
        {
            return Problems.NotFound($"There is no user '{id}'.");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            return Problems.Invalid("name", $"is required, at most {MaxNameLength} characters");
        }

        var role = request.Role ?? user.Role;
        if (!Enum.IsDefined(role) || role > user.Role)
        {
            return Problems.Invalid("role", $"must be a role the user has: at most {user.Role}");
        }

        var key = ApiKeys.Create();
        var record = new ApiKeyRecord(NewId(), user.Id, request.Name.Trim(), key.Prefix, key.Hash, role, time.GetUtcNow().ToUnixTimeMilliseconds(), RevokedMs: null);
        Auditor.Describe(context, $"{user.Id}/{record.Id}", new { record.Name, record.Prefix, record.Role });
        await store.Users.CreateApiKeyAsync(record, cancellation).ConfigureAwait(false);
        return TypedResults.Created($"/api/users/{user.Id}/api-keys", new CreatedApiKey(ApiKeyView.Of(record), key.Key));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKeyAsync(
        string id, string keyId, IStore store, CallerCache callers, TimeProvider time, CancellationToken cancellation)
    {
        var keys = await store.Users.ListApiKeysAsync(id, cancellation).ConfigureAwait(false);
        if (!keys.Any(k => k.Id == keyId))
        {
            return Problems.NotFound($"User '{id}' has no API key '{keyId}'.");
        }

        await store.Users.RevokeApiKeyAsync(keyId, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellation).ConfigureAwait(false);
        callers.Invalidate();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<ExchangeAccountView>, ValidationProblem>> CreateAccountAsync(
        NewExchangeAccount request, IStore store, SecretProtector secrets, TimeProvider time, HttpContext context, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value) in new[] { ("name", request.Name), ("exchange", request.Exchange), ("apiKey", request.ApiKey), ("secret", request.Secret) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = ["is required"];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var id = NewId();
        var account = new ExchangeAccountRecord(id, request.Name!.Trim(), request.Exchange!.Trim(), request.ApiKey!.Trim(),
            secrets.Protect(request.Secret!, id), time.GetUtcNow().ToUnixTimeMilliseconds());
        Auditor.Describe(context, id, new { account.Name, account.Exchange });
        await store.ExchangeAccounts.CreateAsync(account, cancellation).ConfigureAwait(false);
        return TypedResults.Created($"/api/exchange-accounts/{id}", ExchangeAccountView.Of(account));
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
