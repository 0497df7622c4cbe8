using System.Security.Claims;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Auth;

/// <summary>Who is calling: a user signed in with a token, or an API key acting for its user.</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="UserName">The user's name.</param>
/// <param name="Role">What the call may do (for a key: the lesser of the key's and the user's role).</param>
/// <param name="ApiKeyName">The key's name when the call came with an API key.</param>
public sealed record Caller(string UserId, string UserName, Role Role, string? ApiKeyName)
{
    /// <summary>The scheme the API's one authentication handler is registered under.</summary>
    public const string Scheme = "CryptoOrchestrator";

    private const string KeyClaim = "co:key";

    /// <summary>How the audit log names the caller: the user, and the key when one was used.</summary>
    public string Actor => ApiKeyName is null ? UserName : $"{UserName} (API key '{ApiKeyName}')";

    /// <summary>The caller of an authenticated request; null when it is anonymous.</summary>
    public static Caller? Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id
            || principal.FindFirstValue(ClaimTypes.Name) is not { } name
            || !Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new Caller(id, name, role, principal.FindFirstValue(KeyClaim));
    }

    /// <summary>The principal the authentication handler hands to ASP.NET Core.</summary>
    public ClaimsPrincipal ToPrincipal()
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, UserId), new(ClaimTypes.Name, UserName), new(ClaimTypes.Role, Role.ToString())];
        if (ApiKeyName is not null)
        {
            claims.Add(new Claim(KeyClaim, ApiKeyName));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }
}
