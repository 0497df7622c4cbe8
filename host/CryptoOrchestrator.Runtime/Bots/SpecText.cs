namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>Reads the colon-separated specs of sizing and slippage (<c>kind:arg:arg</c>) with one kind of error.</summary>
internal static class SpecText
{
    /// <summary>
    /// Splits <paramref name="text"/> at colons and builds from the parts; <paramref name="build"/> returns
    /// null for a form it does not know. Every failure is a <see cref="FormatException"/> quoting the text.
    /// </summary>
    public static T Parse<T>(string text, string help, Func<string[], T?> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(text);
        T? built;
        try
        {
            built = build(text.Split(':'));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            throw new FormatException($"'{text}': {ex.Message}", ex);
        }

        return built ?? throw new FormatException($"'{text}' is not one of: {help}.");
    }
}
