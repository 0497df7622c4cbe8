namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>One thing wrong with a bot definition.</summary>
/// <param name="Field">The field at fault, as a path into the definition: <c>strategies[1].pluginId</c>.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record BotDefinitionError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
