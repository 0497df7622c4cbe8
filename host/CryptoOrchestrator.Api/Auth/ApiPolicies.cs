using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Auth;

/// <summary>
/// The authorization policies, one per <see cref="Role"/>: each means "at least this role", since roles are
/// ordered viewer &lt; trader &lt; operator &lt; admin.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Reads bots, orders, positions, fills, performance, plugins, backtests, events and metrics.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also creates, starts, pauses, resumes and stops bots, cancels orders and submits backtests.</summary>
    public const string Trader = "trader";

    /// <summary>Also deletes bots and enables, disables and reloads plugins.</summary>
    public const string Operator = "operator";

    /// <summary>Also manages users, API keys and exchange accounts, and reads the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Every policy with the least role it needs.</summary>
    public static IReadOnlyList<(string Policy, Role Role)> All { get; } =
        [(Viewer, Role.Viewer), (Trader, Role.Trader), (Operator, Role.Operator), (Admin, Role.Admin)];
}
