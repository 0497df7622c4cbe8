using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>A user as the API shows it: never the password hash.</summary>
internal sealed record UserView(string Id, string UserName, Role Role, long CreatedMs, bool Disabled)
{
    public static UserView Of(UserRecord user) => new(user.Id, user.UserName, user.Role, user.CreatedMs, user.Disabled);
}
