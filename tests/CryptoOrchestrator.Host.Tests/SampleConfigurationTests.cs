namespace CryptoOrchestrator.Host.Tests;

/// <summary>The sample configuration the README's main job runs: laid out as in the repository, it starts both its paper bots.</summary>
public class SampleConfigurationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PaperBotsSample_StartsBothBots_AndStopsCleanly()
    {
        using var work = new TempDirectory();
        // The sample names its data as ../data/… from its own folder, as host/CryptoOrchestrator.Host/samples does.
        Directory.CreateDirectory(work.File("samples"));
        Directory.CreateDirectory(work.File("data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Samples", "paper-bots.json"), work.File("samples/paper-bots.json"));
        File.Copy(Path.Combine(Orchestrator.OutputDirectory, "data", "BTCUSDT-1h.csv"), work.File("data/BTCUSDT-1h.csv"));

        using var host = RunningOrchestrator.Start(work.Path, "run", "--config", "samples/paper-bots.json", "--Api:Urls=http://127.0.0.1:0");
        await host.WaitForOutput("Bot btc-trend Running", Patience);
        await host.WaitForOutput("Bot eth-synthetic Running", Patience);
        host.Terminate();
        var exitCode = await host.WaitForExit(Patience);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{host.Output}\n{host.Errors}");
        Assert.True(File.Exists(work.File("samples/keys/initial-admin-password")), host.Output);
        Assert.True(File.Exists(work.File("samples/orchestrator.db")), host.Output);
    }
}
