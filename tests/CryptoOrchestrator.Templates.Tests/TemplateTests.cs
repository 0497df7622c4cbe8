using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace CryptoOrchestrator.Templates.Tests;

/// <summary>
/// The path a plugin author takes, end to end and outside this repository: install the template
/// pack, generate, build with warnings as errors (the SDK's analyzers included), run the generated
/// tests, and backtest the generated strategy in the host. Every stage is timed into the test output.
/// </summary>
public sealed partial class TemplateTests(TemplateWorkspace workspace, ITestOutputHelper output) : IClassFixture<TemplateWorkspace>
{
    private static readonly TimeSpan NewTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private bool _setupReported;

    [Fact]
    public async Task Strategy_BuildsPassesItsTests_AndTradesInTheHost()
    {
        var project = await GenerateBuildAndTestAsync("co-strategy", "BreakoutBot");

        var plugins = Path.Combine(project, "plugins");
        CopyFolder(Path.Combine(project, "BreakoutBot", "bin", "Debug", BuildInfo.TargetFramework), Path.Combine(plugins, "BreakoutBot"));
        var data = Path.Combine(project, "BTCUSDT-1h.csv");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "BTCUSDT-1h.csv"), data);
        var host = BuildInfo.InRepo("host", "CryptoOrchestrator.Host", "bin", BuildInfo.Configuration, BuildInfo.TargetFramework, "orchestrator.dll");

        var backtest = await StageAsync("orchestrator backtest", project, RunTimeout, host, "backtest", "--strategy", "breakout-bot", "--plugins", plugins, "--data", data, "--out", Path.Combine(project, "results"));

        Assert.Contains("breakout-bot 1.0.0 on BTCUSDT", backtest.Output, StringComparison.Ordinal);
        var trades = TradesRow().Match(backtest.Output);
        Assert.True(trades.Success, $"No 'Trades' row in the summary.\n{backtest.Describe()}");
        output.WriteLine($"  trades in the backtest: {trades.Groups[1].Value}");
        Assert.True(int.Parse(trades.Groups[1].Value, CultureInfo.InvariantCulture) > 0, $"The generated strategy made no trade.\n{backtest.Describe()}");
    }

    [Theory]
    [InlineData("bars-and-trades", "false")]
    [InlineData("all", "true")]
    public async Task StrategyOptions_GenerateCodeThatBuildsAndPassesItsTests(string events, string state) =>
        await GenerateBuildAndTestAsync("co-strategy", "OptionsBot", "--events", events, "--state", state);

    [Theory]
    [InlineData("co-model", "SignalModel")]
    [InlineData("co-riskrule", "ExposureCap")]
    [InlineData("co-exchange", "LoopbackVenue")]
    public async Task Template_GeneratesCodeThatBuildsAndPassesItsTests(string template, string name) =>
        await GenerateBuildAndTestAsync(template, name);

    [Fact]
    public async Task InvalidChoice_IsRefusedByTheTemplateEngine_ListingTheValidOnes()
    {
        var target = NewTarget("Refused");

        var result = await workspace.DotnetAsync(workspace.Root, NewTimeout, "new", "co-strategy", "-n", "Refused", "-o", target, "--events", "foo", "--debug:custom-hive", workspace.Hive);

        Assert.NotEqual(0, result.ExitCode);
        var said = result.Output + result.Errors;
        Assert.Contains("'foo' is not a valid value for --events", said, StringComparison.Ordinal);
        Assert.All(["bars", "bars-and-trades", "all"], choice => Assert.Matches($@"(?m)^\s*{choice}\s+-", said));
        Assert.False(Directory.Exists(target), "Nothing should be generated for a refused option.");
    }

    [Fact]
    public async Task NameThatIsNoIdentifier_StillGeneratesCodeThatBuilds()
    {
        const string Name = "3rd-Party Bot";
        var target = NewTarget("odd-name");
        await StageAsync("dotnet new co-model (odd name)", workspace.Root, NewTimeout, "new", "co-model", "-n", Name, "-o", target, "--debug:custom-hive", workspace.Hive);

        await StageAsync("dotnet build (odd name)", target, BuildTimeout, "build", Path.Combine(target, $"{Name}.sln"), "-warnaserror", "-nr:false", "--disable-build-servers");

        var model = await File.ReadAllTextAsync(Path.Combine(target, Name, $"{Name}Model.cs"));
        Assert.Contains("namespace _3rd_Party_Bot;", model, StringComparison.Ordinal);
        Assert.Matches(@"Id = ""[a-z][a-z0-9]*(-[a-z0-9]+)*""", model);
    }

    /// <summary>dotnet new, dotnet build -warnaserror, dotnet test: every stage must succeed and some tests must run, none fail.</summary>
    private async Task<string> GenerateBuildAndTestAsync(string template, string name, params string[] options)
    {
        var label = options.Length == 0 ? template : $"{template} {string.Join(' ', options)}";
        var target = NewTarget(name);
        await StageAsync($"dotnet new {label}", workspace.Root, NewTimeout, ["new", template, "-n", name, "-o", target, "--debug:custom-hive", workspace.Hive, .. options]);
        var solution = Path.Combine(target, $"{name}.sln");
        await StageAsync($"dotnet build ({label})", target, BuildTimeout, "build", solution, "-warnaserror", "-nr:false", "--disable-build-servers");

        var test = await StageAsync($"dotnet test ({label})", target, BuildTimeout, "test", solution, "--no-build", "-nr:false", "--disable-build-servers");

        var summaries = TestSummary().Matches(test.Output);
        Assert.True(summaries.Count > 0, $"No test summary in the output.\n{test.Describe()}");
        var failed = summaries.Sum(m => int.Parse(m.Groups["failed"].Value, CultureInfo.InvariantCulture));
        var passed = summaries.Sum(m => int.Parse(m.Groups["passed"].Value, CultureInfo.InvariantCulture));
        output.WriteLine($"  {passed} generated tests passed, {failed} failed");
        Assert.Equal(0, failed);
        Assert.True(passed > 0, $"The generated tests did not run.\n{test.Describe()}");
        return target;
    }

    private async Task<ChildResult> StageAsync(string stage, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        ReportSetupOnce();
        var result = await workspace.DotnetAsync(workingDirectory, timeout, arguments);
        output.WriteLine($"{stage}: {result.Elapsed.TotalSeconds:F1} s");
        Assert.True(result.ExitCode == 0, $"'{stage}' failed.\n{result.Describe()}");
        return result;
    }

    private void ReportSetupOnce()
    {
        if (_setupReported)
        {
            return;
        }

        _setupReported = true;
        foreach (var (stage, elapsed) in workspace.SetupTimings)
        {
            output.WriteLine($"{stage} (once per run): {elapsed.TotalSeconds:F1} s");
        }
    }

    private string NewTarget(string name) => Path.Combine(workspace.Root, "work", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    [GeneratedRegex(@"(?m)^\s*Trades\s+(\d+)\s*$")]
    private static partial Regex TradesRow();

    [GeneratedRegex(@"Failed:\s*(?<failed>\d+),\s*Passed:\s*(?<passed>\d+)")]
    private static partial Regex TestSummary();
}
