namespace CryptoOrchestrator.Plugins.Tests.Source;

/// <summary>C# files of source plugins, as a plugin author would write them.</summary>
internal static class SourceSamples
{
    /// <summary>A strategy relying on the implicit usings and on <see cref="DescriptionHelper"/> in another file.</summary>
    public const string Strategy = """
        using CryptoOrchestrator.Sdk.Context;
        using CryptoOrchestrator.Sdk.Domain;
        using CryptoOrchestrator.Sdk.Plugins;

        namespace Samples.Breakout;

        public sealed class BreakoutStrategy : IStrategy
        {
            private readonly Queue<Price> _closes = new();
            private IStrategyContext? _context;

            public PluginMetadata Metadata { get; } = new()
            {
                Id = "breakout-source",
                Version = "1.2.3",
                Kind = PluginKind.Strategy,
                SdkVersionRange = "[0.2.0, 1.0.0)",
                Description = Text.Describe(3),
                Parameters = [ParameterDefinition.Integer("lookback", 3, minimum: 1, maximum: 100, step: 1)],
            };

            public void Initialize(IStrategyContext context) => _context = context;

            public void OnBar(Instrument instrument, in Bar bar)
            {
                _closes.Enqueue(bar.Close);
                if (_closes.Count > 3 && bar.Close > _closes.Max())
                {
                    _context!.Emit(new Signal(instrument, SignalDirection.Long));
                }
            }
        }
        """;

    /// <summary>Lives in a sub-folder; uses LINQ and string.Join with no using directive of its own.</summary>
    public const string DescriptionHelper = """
        namespace Samples.Breakout;

        internal static class Text
        {
            public static string Describe(int bars) => "breakout over bars " + string.Join(",", Enumerable.Range(1, bars));
        }
        """;

    /// <summary>Throws from line 7, column 9 (the <c>throw</c>).</summary>
    public const string Thrower = """
        namespace Samples.Breakout;

        public static class Thrower
        {
            public static int Fail(int value)
            {
                throw new InvalidOperationException("failed on " + value);
            }
        }
        """;
}
