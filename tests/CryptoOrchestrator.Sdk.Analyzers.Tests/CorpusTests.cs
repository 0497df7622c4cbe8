using CryptoOrchestrator.Sdk.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests;

/// <summary>
/// The language features plugin code uses, in one program: no analyzer may throw, and the findings
/// must be exactly these, no more and no fewer.
/// </summary>
public sealed class CorpusTests
{
    private static readonly TestSource TopLevelProgram = new("Program.cs", """
        // Top-level statements are not plugin code, whatever they call.
        var started = DateTime.UtcNow;
        Console.WriteLine(Elapsed());
        Thread.Sleep(1);

        double Elapsed() => (DateTime.UtcNow - started).TotalMilliseconds;
        """);

    private static readonly TestSource GenericStrategy = new("GenericStrategy.cs", """
        namespace Corpus;

        public sealed class GenericStrategy<TState> : IStrategy
            where TState : struct
        {
            private TState _state;

            public PluginMetadata Metadata => null!;

            public void Initialize(IStrategyContext context) => _state = default;

            public void OnBar(Instrument instrument, in Bar bar) => Block(Task.FromResult(_state));

            private static TResult Block<TResult>(Task<TResult> pending) => pending.Result;

            private static T Stamp<T>(Func<long, T> make) => make(Stopwatch.GetTimestamp());
        }
        """);

    private static readonly TestSource PartialDeclaration = new("SplitStrategy.cs", """
        namespace Corpus;

        public sealed partial class SplitStrategy : IStrategy
        {
            public PluginMetadata Metadata => null!;

            public void Initialize(IStrategyContext context) => Load("state.bin");

            public void OnBar(Instrument instrument, in Bar bar)
            {
            }
        }
        """);

    private static readonly TestSource PartialImplementation = new("SplitStrategy.Storage.cs", """
        namespace Corpus;

        // The base list is in the other part; this part is still a strategy's code.
        public sealed partial class SplitStrategy
        {
            private static byte[] Load(string path) => File.ReadAllBytes(path);
        }
        """);

    private static readonly TestSource ModernMembers = new("ModernMembers.cs", """
        namespace Corpus;

        public sealed record RecordStrategy(int Lookback) : IStrategy
        {
            private static readonly Func<long> Ticks = static () => Environment.TickCount64;

            private Stopwatch? _watch;

            public Guid RunId { get; } = Guid.NewGuid();

            public PluginMetadata Metadata => null!;

            public long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

            public string? Elapsed => _watch?.Elapsed.ToString();

            public void Initialize(IStrategyContext context) => _watch = null;

            public void OnBar(Instrument instrument, in Bar bar)
            {
                Pause();
                var seed = Seeded(Lookback).Next();

                static void Pause() => SpinWait.SpinUntil(static () => true);
                static Random Seeded(int seed) => new(seed);
            }
        }

        file sealed class FileScopedModel : IModel
        {
            private Random _random = null!;

            public PluginMetadata Metadata => null!;

            public int FeatureCount => 1;

            public void Initialize(IPluginContext context) => _random = new Random();

            public double Predict(ReadOnlySpan<double> features) => features[0] * _random.NextDouble();
        }

        internal sealed class CsvArchive
        {
            // Not a plugin: helpers outside plugin types may do what they like.
            public static string Read(string path) => File.ReadAllText(path) + DateTime.Now;
        }

        public sealed class SocketExchange : IExchange
        {
            public PluginMetadata Metadata => null!;

            public void Connect(IPluginContext context, IExchangeEvents events)
            {
                using var client = new TcpClient();
                client.ConnectAsync("localhost", 9000).Wait();
            }

            public void Submit(in OrderSnapshot order) => Thread.Sleep(1);

            public void Cancel(ClientOrderId id) => File.AppendAllText("cancels.log", id.ToString());
        }
        """);

    [Fact]
    public void Corpus_GivesExactlyTheExpectedFindings_WithoutAnalyzerFailures()
    {
        var findings = AnalyzerRun.Analyze(
            [TopLevelProgram, GenericStrategy, PartialDeclaration, PartialImplementation, ModernMembers],
            OutputKind.ConsoleApplication);

        Assert.Equal(
            [
                "GenericStrategy.cs: CO1003 pending.Result",
                "GenericStrategy.cs: CO1001 Stopwatch.GetTimestamp()",
                "ModernMembers.cs: CO1001 Environment.TickCount64",
                "ModernMembers.cs: CO1002 Guid.NewGuid()",
                "ModernMembers.cs: CO1001 DateTimeOffset.UtcNow",
                "ModernMembers.cs: CO1001 .Elapsed",
                "ModernMembers.cs: CO1003 SpinWait.SpinUntil(static () => true)",
                "ModernMembers.cs: CO1002 new Random()",
                "SplitStrategy.Storage.cs: CO1004 File.ReadAllBytes(path)",
            ],
            findings.Select(finding => $"{finding.File}: {finding}"));
    }

    [Fact]
    public void CodeWithCompileErrors_DoesNotCrashAnyAnalyzer_AndStillFlagsWhatBinds()
    {
        var compilation = TestCompilation.Create(
        [
            new TestSource("Broken.cs", """
                namespace Corpus;

                public sealed class BrokenStrategy : IStrategy, IMissingContract
                {
                    private MissingType _missing = new();

                    public PluginMetadata Metadata => null!;

                    public void Initialize(IStrategyContext context) => _missing.Start(DateTime.UtcNow);

                    public void OnBar(Instrument instrument, in Bar bar)
                    {
                        Thread.Sleep();
                        Undefined.Call(new Random(), File.ReadAllText());
                        var value = Task.FromResult(1).Reslt;
                        var watch = new Stopwatch(1, 2);
                        UnknownMethod(Guid.NewGuid()
                    }

                    public partial void Unfinished(
                }

                public sealed class HalfExchange : IExchange, IAlsoMissing
                {
                    public void Connect(IPluginContext context, IExchangeEvents events) => Thread.Sleep(1);
                }
                """),
        ]);
        Assert.NotEmpty(TestCompilation.Errors(compilation));

        var findings = AnalyzerRun.Findings(compilation);

        Assert.Equal(["CO1001 DateTime.UtcNow", "CO1002 new Random()", "CO1002 Guid.NewGuid()"], findings.Select(finding => finding.ToString()));
    }
}
