using CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests;

public sealed class RandomnessAnalyzerTests
{
    [Theory]
    [InlineData("var random = new Random();", "new Random()")]
    [InlineData("Random random = new();", "new()")]
    [InlineData("var next = Random.Shared.Next();", "Random.Shared")]
    [InlineData("var id = Guid.NewGuid();", "Guid.NewGuid()")]
    [InlineData("var id = Guid.CreateVersion7();", "Guid.CreateVersion7()")]
    [InlineData("var roll = RandomNumberGenerator.GetInt32(6);", "RandomNumberGenerator.GetInt32(6)")]
    [InlineData("using var generator = RandomNumberGenerator.Create();", "RandomNumberGenerator.Create()")]
    public void UnseededOrSharedRandomness_InStrategy_IsFlagged(string statement, string flaggedCode)
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy(statement));

        Assert.Equal([$"CO1002 {flaggedCode}"], findings);
    }

    [Theory]
    [InlineData("private static readonly Random Generator = new(42);", "Generator")]
    [InlineData("private static Random Generator { get; } = new(42);", "Generator")]
    [InlineData("[ThreadStatic] private static Random? Generator;", "Generator")]
    public void StaticRandomMember_InPlugin_IsFlaggedOnce_AtItsDeclaration(string member, string flaggedCode)
    {
        var finding = Assert.Single(AnalyzerRun.Analyze(Snippets.Strategy("", member)));

        Assert.Equal($"CO1002 {flaggedCode}", finding.ToString());
        Assert.Contains("'TestStrategy.Generator' is a static Random, shared by every instance", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnseededStaticRandomField_IsReportedOnce_AtTheField()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy("", "private static readonly Random Generator = new Random();"));

        Assert.Equal(["CO1002 Generator"], findings);
    }

    [Fact]
    public void Message_NamesTheApi_SaysWhy_AndPointsToTheContextRandom()
    {
        var finding = Assert.Single(AnalyzerRun.Analyze(Snippets.Strategy("var random = new Random();")));

        Assert.Equal(
            "'new Random()' is seeded differently on every run; use the context's Random (IPluginContext.Random), seeded from the run's seed and the plugin's id",
            finding.Message);
    }

    [Fact]
    public void SeededInstanceRandom_AndContextRandom_AreNotFlagged()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy(
            """
            var local = new Random(7);
            var draw = _context.Random.NextDouble() + _random.NextDouble() + local.Next();
            """,
            "private readonly Random _random = new(42);"));

        Assert.Empty(findings);
    }

    [Fact]
    public void StaticRandomField_OutsidePlugins_IsNotFlagged()
    {
        var findings = AnalyzerRun.Report("""
            public static class Dice
            {
                private static readonly Random Generator = new();

                public static int Roll() => Generator.Next(1, 7) + Random.Shared.Next(6);
            }
            """);

        Assert.Empty(findings);
    }
}
