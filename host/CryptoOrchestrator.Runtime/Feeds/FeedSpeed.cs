using System.Globalization;

namespace CryptoOrchestrator.Runtime.Feeds;

/// <summary>
/// How fast a paper feed plays market time: a multiple of real time (60 plays an hour of bars in a
/// minute), or as fast as the bot takes them.
/// </summary>
public readonly record struct FeedSpeed
{
    /// <summary>The text <see cref="Parse"/> reads as "as fast as possible".</summary>
    public const string AsFastAsPossibleText = "max";

    /// <summary>What <see cref="Parse"/> accepts, for messages and help.</summary>
    public const string Syntax = "max | a multiple of real time above 0, e.g. 1, 60 or 60x";

    private FeedSpeed(double? multiple) => Multiple = multiple;

    /// <summary>No waiting between bars.</summary>
    public static FeedSpeed AsFastAsPossible => default;

    /// <summary>Market seconds per real second; null when <see cref="IsAsFastAsPossible"/>.</summary>
    public double? Multiple { get; }

    /// <summary>True when bars come without waiting.</summary>
    public bool IsAsFastAsPossible => Multiple is null;

    /// <summary>Plays market time <paramref name="multiple"/> times as fast as real time.</summary>
    public static FeedSpeed Times(double multiple) =>
        double.IsFinite(multiple) && multiple > 0
            ? new FeedSpeed(multiple)
            : throw new ArgumentOutOfRangeException(nameof(multiple), multiple, "A feed speed is a finite multiple of real time above 0.");

    /// <summary>Reads <c>max</c>, or a multiple such as <c>60</c> or <c>60x</c>; throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static FeedSpeed Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals(AsFastAsPossibleText, StringComparison.OrdinalIgnoreCase))
        {
            return AsFastAsPossible;
        }

        var number = trimmed.EndsWith('x') || trimmed.EndsWith('X') ? trimmed[..^1] : trimmed;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var multiple) && double.IsFinite(multiple) && multiple > 0
            ? new FeedSpeed(multiple)
            : throw new FormatException($"'{text}' is not a feed speed: {Syntax}.");
    }

    /// <inheritdoc />
    public override string ToString() =>
        Multiple is { } multiple ? multiple.ToString(CultureInfo.InvariantCulture) + "x" : AsFastAsPossibleText;
}
