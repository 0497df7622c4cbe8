using CryptoOrchestrator.Sdk.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests;

public sealed class ScopeTests
{
    private const string EveryRule = """
        var now = DateTime.UtcNow;
        var random = new Random();
        Thread.Sleep(1);
        var text = File.ReadAllText("x");
        """;

    [Fact]
    public void CodeOutsidePlugins_IsNotFlagged()
    {
        var findings = AnalyzerRun.Report($$"""
            public sealed class ReportWriter
            {
                public void Write()
                {
                    {{EveryRule}}
                }
            }
            """);

        Assert.Empty(findings);
    }

    [Fact]
    public void ExchangeAdapter_AndTypesNestedInIt_AreExempt()
    {
        var findings = AnalyzerRun.Report($$"""
            public sealed class RestExchange : IExchange
            {
                private readonly HttpClient _http = new();

                public PluginMetadata Metadata => null!;

                public void Connect(IPluginContext context, IExchangeEvents events)
                {
                    {{EveryRule}}
                }

                public void Submit(in OrderSnapshot order) => _http.PostAsync("orders", null).Wait();

                public void Cancel(ClientOrderId id) => Reconnect.Backoff();

                private static class Reconnect
                {
                    public static void Backoff() => Thread.Sleep(Random.Shared.Next(100));
                }
            }
            """);

        Assert.Empty(findings);
    }

    [Fact]
    public void NestedTypesLambdasAndLocalFunctions_InAStrategy_AreFlagged()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy(
            """
            Func<DateTime> read = () => DateTime.Now;
            Action pause = static () => Thread.Sleep(1);
            int Roll() => Random.Shared.Next();
            static string Load() => File.ReadAllText("x");
            """,
            """
            private sealed class Journal
            {
                public void Append(string line) => File.AppendAllText("journal.txt", line);
            }
            """));

        Assert.Equal(
            ["CO1001 DateTime.Now", "CO1003 Thread.Sleep(1)", "CO1002 Random.Shared", "CO1004 File.ReadAllText(\"x\")", "CO1004 File.AppendAllText(\"journal.txt\", line)"],
            findings);
    }

    [Fact]
    public void StrategyThroughABaseClassOrADerivedInterface_IsFlagged()
    {
        var findings = AnalyzerRun.Report("""
            public abstract class StrategyBase : IStrategy
            {
                public PluginMetadata Metadata => null!;

                public virtual void Initialize(IStrategyContext context)
                {
                }

                public abstract void OnBar(Instrument instrument, in Bar bar);
            }

            public sealed class Breakout : StrategyBase
            {
                public override void OnBar(Instrument instrument, in Bar bar) => Thread.Sleep(1);
            }

            public interface ITimedStrategy : IStrategy
            {
                long Stamp() => Environment.TickCount64;
            }
            """);

        Assert.Equal(["CO1003 Thread.Sleep(1)", "CO1001 Environment.TickCount64"], findings);
    }

    [Fact]
    public void Model_GetsTheDeterminismRules_ButNotTheStrategyIoRule()
    {
        var findings = AnalyzerRun.Report($$"""
            public sealed class NoiseModel : IModel
            {
                public PluginMetadata Metadata => null!;

                public int FeatureCount => 1;

                public void Initialize(IPluginContext context)
                {
                    {{EveryRule}}
                }

                public double Predict(ReadOnlySpan<double> features) => features[0];
            }
            """);

        Assert.Equal(
            ["CO1001 DateTime.UtcNow", "CO1002 new Random()", "CO1003 Thread.Sleep(1)"],
            findings);
    }

    [Fact]
    public void ProjectWithoutTheSdk_IsLeftAlone_EvenWithLookalikeNames()
    {
        var compilation = TestCompilation.Create(
        [
            new TestSource("Lookalike.cs", $$"""
                namespace Other.Plugins
                {
                    public interface IPlugin { }

                    public interface IStrategy : IPlugin { }

                    public sealed class Clocked : IStrategy
                    {
                        public void Tick()
                        {
                            {{EveryRule}}
                        }
                    }
                }
                """),
        ],
            OutputKind.DynamicallyLinkedLibrary,
            referenceSdk: false);
        Assert.Empty(TestCompilation.Errors(compilation));

        Assert.Empty(AnalyzerRun.Findings(compilation));
    }
}
