using System.Data.Common;

namespace CryptoOrchestrator.Persistence.Sql;

/// <summary>Translations of broken constraints shared by the per-bot repositories.</summary>
internal static class Violations
{
    /// <summary>A per-bot row can only break its foreign key to the bot: name the bot.</summary>
    public static Func<ConstraintViolation, DbException, Exception?> UnknownBot(string botId) =>
        (violation, cause) => violation.IsForeignKey ? RecordNotFoundException.Bot(botId, cause) : null;
}
