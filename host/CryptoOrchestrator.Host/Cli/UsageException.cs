namespace CryptoOrchestrator.Host.Cli;

/// <summary>A command-line value that cannot be used; the message says which option and why.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>Runs a parse of <paramref name="option"/>'s value, turning its <see cref="FormatException"/> into a usage error naming the option.</summary>
    public static T Naming<T>(string option, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{option} {ex.Message}");
        }
    }
}
