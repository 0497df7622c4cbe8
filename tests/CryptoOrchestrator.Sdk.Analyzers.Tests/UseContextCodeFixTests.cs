using CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests;

public sealed class UseContextCodeFixTests
{
    [Theory]
    [InlineData("var now = DateTime.UtcNow;", "var now = _context.Clock.UtcNow.UtcDateTime;")]
    [InlineData("var now = DateTimeOffset.UtcNow;", "var now = _context.Clock.UtcNow;")]
    [InlineData("var random = new Random();", "var random = _context.Random;")]
    [InlineData("Random random = new();", "Random random = _context.Random;")]
    [InlineData("var roll = Random.Shared.Next(6);", "var roll = _context.Random.Next(6);")]
    [InlineData("var age = (DateTime.UtcNow - DateTime.UnixEpoch).TotalDays;", "var age = (_context.Clock.UtcNow.UtcDateTime - DateTime.UnixEpoch).TotalDays;")]
    public async Task Fix_InOnBar_UsesTheStoredContext(string before, string after)
    {
        var result = await CodeFixRun.FixAsync(Snippets.Strategy(before));

        Assert.NotNull(result);
        Assert.Equal(Snippets.Strategy(after), result.FixedSource);
        Assert.Empty(result.RemainingFindings);
    }

    [Fact]
    public async Task Fix_Title_SaysWhatReplacesTheCall()
    {
        var result = await CodeFixRun.FixAsync(Snippets.Strategy("var now = DateTimeOffset.UtcNow;"));

        Assert.Equal("Use _context.Clock.UtcNow", result?.Title);
    }

    [Fact]
    public async Task Fix_InInitialize_UsesTheContextParameter()
    {
        const string Template = """
            public sealed class Timed : IStrategy
            {
                private DateTimeOffset _started;

                public PluginMetadata Metadata => null!;

                public void Initialize(IStrategyContext context) => _started = {0};

                public void OnBar(Instrument instrument, in Bar bar)
                {
                }
            }
            """;

        await AssertFixes(Template, "DateTimeOffset.UtcNow", "context.Clock.UtcNow");
    }

    [Fact]
    public async Task Fix_InRiskRule_UsesItsPluginContext()
    {
        var result = await CodeFixRun.FixAsync(Snippets.RiskRule("var now = DateTime.UtcNow;"));

        Assert.Equal(Snippets.RiskRule("var now = _context.Clock.UtcNow.UtcDateTime;"), result?.FixedSource);
    }

    [Fact]
    public async Task Fix_InDerivedStrategy_UsesTheBaseClassContextProperty()
    {
        const string Template = """
            public abstract class StrategyBase : IStrategy
            {
                public PluginMetadata Metadata => null!;

                protected IStrategyContext Context { get; private set; } = null!;

                public void Initialize(IStrategyContext context) => Context = context;

                public abstract void OnBar(Instrument instrument, in Bar bar);
            }

            public sealed class Dice : StrategyBase
            {
                public override void OnBar(Instrument instrument, in Bar bar)
                {
                    var roll = {0}.Next(6);
                }
            }
            """;

        await AssertFixes(Template, "Random.Shared", "Context.Random");
    }

    [Fact]
    public async Task Fix_WhenALocalHidesTheContextField_QualifiesItWithThis()
    {
        var result = await CodeFixRun.FixAsync(Snippets.Strategy("var _context = 1; var now = DateTimeOffset.UtcNow;"));

        Assert.Equal(Snippets.Strategy("var _context = 1; var now = this._context.Clock.UtcNow;"), result?.FixedSource);
    }

    [Theory]
    [InlineData("var now = DateTime.Now;", "")]
    [InlineData("", "private static DateTime Stamp() => DateTime.UtcNow;")]
    [InlineData("", "private readonly Random _random = new Random();")]
    [InlineData("Func<DateTimeOffset> read = static () => DateTimeOffset.UtcNow;", "")]
    [InlineData("var id = Guid.NewGuid();", "")]
    public async Task NoFix_WhereTheContextIsOutOfReachOrTheReplacementIsNotObvious(string onBar, string members)
    {
        var result = await CodeFixRun.FixAsync(Snippets.Strategy(onBar, members));

        Assert.Null(result);
    }

    [Fact]
    public async Task NoFix_WhenTheOnlyContextIsNullable()
    {
        var result = await CodeFixRun.FixAsync("""
            public sealed class Lazy : IStrategy
            {
                private IStrategyContext? _context;

                public PluginMetadata Metadata => null!;

                public void Initialize(IStrategyContext context) => _context = context;

                public void OnBar(Instrument instrument, in Bar bar)
                {
                    var now = DateTimeOffset.UtcNow;
                }
            }
            """);

        Assert.Null(result);
    }

    /// <summary>The fix turns <paramref name="template"/> with <paramref name="before"/> in its hole into the template with <paramref name="after"/>.</summary>
    private static async Task AssertFixes(string template, string before, string after)
    {
        var result = await CodeFixRun.FixAsync(template.Replace("{0}", before, StringComparison.Ordinal));

        Assert.Equal(template.Replace("{0}", after, StringComparison.Ordinal), result?.FixedSource);
    }
}
