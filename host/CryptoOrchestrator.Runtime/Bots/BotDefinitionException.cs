namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>A bot definition that cannot run; <see cref="Errors"/> names every field at fault.</summary>
public sealed class BotDefinitionException : Exception
{
    /// <summary>A refusal of the definition of bot <paramref name="botId"/> for <paramref name="errors"/> (at least one).</summary>
    public BotDefinitionException(string botId, IReadOnlyList<BotDefinitionError> errors)
        : base(Describe(botId, errors))
    {
        BotId = botId;
        Errors = errors;
    }

    /// <summary>The bot's id as given (may be empty).</summary>
    public string BotId { get; }

    /// <summary>Every field at fault, in the order of the definition.</summary>
    public IReadOnlyList<BotDefinitionError> Errors { get; }

    private static string Describe(string botId, IReadOnlyList<BotDefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A refused definition has at least one error.", nameof(errors));
        }

        var bot = string.IsNullOrWhiteSpace(botId) ? "A bot definition" : $"Bot '{botId}'";
        return errors.Count == 1
            ? $"{bot} is invalid: {errors[0]}"
            : $"{bot} is invalid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}";
    }
}
