using CryptoOrchestrator.Api.Audit;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Errors;
using CryptoOrchestrator.Api.Security;
using CryptoOrchestrator.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>
/// POST /api/auth/token: a user name and password for a bearer token, rate limited per IP more strictly than the rest;
/// POST /api/auth/password: a signed-in user changes their own password (the first admin's made-up one, say).
/// </summary>
internal static class AuthEndpoints
{
    public const string RateLimitPolicy = "token";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueAsync).WithTags("Authentication").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        api.MapPost("/auth/password", ChangePasswordAsync).WithTags("Authentication").RequireAuthorization(ApiPolicies.Viewer)
            .RequireRateLimiting(RateLimitPolicy).Audited("user.password");
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        TokenRequest request, IStore store, TokenIssuer tokens, TimeProvider time, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Invalid(string.IsNullOrWhiteSpace(request.UserName) ? "userName" : "password", "is required");
        }

        var user = await store.Users.FindByNameAsync(request.UserName, cancellation).ConfigureAwait(false);
        // One answer for an unknown user, a wrong password and a disabled user: the caller learns nothing about which.
        if (user is null || user.Disabled || Passwords.Verify(user.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            return Problems.Unauthorized("The user name or password is wrong, or the user is disabled.");
        }

        var token = tokens.Issue(user.Id, user.UserName, user.Role.ToString());
        var identity = await tokens.ValidateAsync(token).ConfigureAwait(false);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", identity?.Expires ?? time.GetUtcNow(), user.Role));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChange change, HttpContext context, IStore store, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(change.CurrentPassword))
        {
            return Problems.Invalid("currentPassword", "is required");
        }

        if (change.NewPassword is not { Length: >= Passwords.MinimumLength })
        {
            return Problems.Invalid("newPassword", $"at least {Passwords.MinimumLength} characters are required");
        }

        var caller = Caller.Of(context.User)!;
        Auditor.Describe(context, caller.UserId);
        var user = await store.Users.GetAsync(caller.UserId, cancellation).ConfigureAwait(false);
        if (user is null || Passwords.Verify(user.PasswordHash, change.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            return Problems.Invalid("currentPassword", "is not this user's password");
        }

        await store.Users.UpdateAsync(user with { PasswordHash = Passwords.Hash(change.NewPassword) }, cancellation).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
