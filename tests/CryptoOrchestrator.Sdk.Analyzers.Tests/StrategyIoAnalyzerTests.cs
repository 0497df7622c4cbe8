using CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests;

public sealed class StrategyIoAnalyzerTests
{
    [Theory]
    [InlineData("using var client = new HttpClient();", "new HttpClient()")]
    [InlineData("var page = _http.GetStringAsync(\"https://example.com\");", "_http.GetStringAsync(\"https://example.com\")")]
    [InlineData("using var request = new HttpRequestMessage(); var response = _http.Send(request);", "_http.Send(request)")]
    [InlineData("using var client = new WebClient();", "new WebClient()")]
    [InlineData("var request = WebRequest.Create(\"https://example.com\");", "WebRequest.Create(\"https://example.com\")")]
    [InlineData("using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);", "new Socket(SocketType.Stream, ProtocolType.Tcp)")]
    [InlineData("using var client = new TcpClient();", "new TcpClient()")]
    [InlineData("using var client = new UdpClient();", "new UdpClient()")]
    [InlineData("var addresses = Dns.GetHostAddresses(\"example.com\");", "Dns.GetHostAddresses(\"example.com\")")]
    [InlineData("var text = File.ReadAllText(\"prices.csv\");", "File.ReadAllText(\"prices.csv\")")]
    [InlineData("var files = Directory.GetFiles(\".\");", "Directory.GetFiles(\".\")")]
    [InlineData("using var stream = new FileStream(\"prices.csv\", FileMode.Open);", "new FileStream(\"prices.csv\", FileMode.Open)")]
    [InlineData("var info = new FileInfo(\"prices.csv\");", "new FileInfo(\"prices.csv\")")]
    [InlineData("var info = new DirectoryInfo(\".\");", "new DirectoryInfo(\".\")")]
    [InlineData("using var reader = new StreamReader(\"prices.csv\");", "new StreamReader(\"prices.csv\")")]
    [InlineData("using var writer = new StreamWriter(\"log.txt\", append: true);", "new StreamWriter(\"log.txt\", append: true)")]
    public void NetworkOrFileIo_InStrategy_IsFlagged(string statement, string flaggedCode)
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy(statement, "private readonly HttpClient _http = null!;"));

        Assert.Equal([$"CO1004 {flaggedCode}"], findings);
    }

    [Fact]
    public void FileInfoMembers_OnAnExistingInfo_AreFlagged()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy("", "private static long Size(FileInfo info) => info.Length;"));

        Assert.Equal(["CO1004 info.Length"], findings);
    }

    [Fact]
    public void Message_NamesTheApi_AndPointsToEventsAndStateStore()
    {
        var finding = Assert.Single(AnalyzerRun.Analyze(Snippets.Strategy("var text = File.ReadAllText(\"x\");")));

        Assert.Equal(
            "'File.ReadAllText' does network or file I/O from a strategy; strategies get data through events and the context, and keep state through IStateStore or IStatefulPlugin",
            finding.Message);
    }

    [Fact]
    public void InMemoryStreamsAndPaths_AreNotFlagged()
    {
        var findings = AnalyzerRun.Report(Snippets.Strategy("""
            using var memory = new MemoryStream([1, 2, 3]);
            using var reader = new StreamReader(memory);
            using var writer = new StreamWriter(new MemoryStream());
            var line = reader.ReadLine();
            var name = Path.Combine("a", "b");
            """));

        Assert.Empty(findings);
    }

    [Fact]
    public void Io_InRiskRule_IsNotFlagged_ButItsWallClockIs()
    {
        var findings = AnalyzerRun.Report(Snippets.RiskRule("""
            var limits = File.ReadAllText("limits.json");
            var now = DateTime.UtcNow;
            """));

        Assert.Equal(["CO1001 DateTime.UtcNow"], findings);
    }
}
