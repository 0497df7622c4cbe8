using CryptoOrchestrator.Plugins.Status;

namespace CryptoOrchestrator.Plugins.Tests.Status;

public sealed class PluginStatusStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryPluginsDirectory _scratch = new();
    private readonly string _file;

    public PluginStatusStoreTests() => _file = Path.Combine(_scratch.Root, "state", "plugin-status.json");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void MissingFile_IsAnEmptyStore_AndIsNotCreatedByReading()
    {
        var store = new PluginStatusStore(_file);

        Assert.Empty(store.All);
        Assert.Null(store.Find("sma-crossover"));
        Assert.False(store.IsDisabled("sma-crossover"));
        Assert.False(File.Exists(_file));
    }

    [Fact]
    public void Set_PersistsAtOnce_AndAnotherStoreReadsTheSameRecords_OrderedById()
    {
        var momentum = new PluginStatusRecord("momentum", PluginStatus.Malfunctioned, "OnBar threw", "1.2.0", "/plugins/Momentum", Noon);
        var sma = new PluginStatusRecord("sma-crossover", PluginStatus.Active, "version 1.0.0 loaded", "1.0.0", null, Noon.AddHours(1));
        var store = new PluginStatusStore(_file);

        store.Set(sma);
        store.Set(momentum);

        Assert.Equal([momentum, sma], new PluginStatusStore(_file).All);
        Assert.Equal([momentum, sma], store.All);
        Assert.Equal([_file], Directory.GetFiles(Path.GetDirectoryName(_file)!));
    }

    [Fact]
    public void Disable_ThenEnable_KeepsVersionAndSource_AndStampsTheTime()
    {
        var clock = new FixedClock(Noon);
        var store = new PluginStatusStore(_file, clock);
        store.Set(new PluginStatusRecord("momentum", PluginStatus.Active, "loaded", "1.2.0", "/plugins/Momentum", Noon.AddDays(-1)));

        store.Disable("momentum", "losing money");
        Assert.True(new PluginStatusStore(_file).IsDisabled("momentum"));
        Assert.Equal(new PluginStatusRecord("momentum", PluginStatus.Disabled, "losing money", "1.2.0", "/plugins/Momentum", Noon), store.Find("momentum"));

        clock.Now = Noon.AddHours(2);
        store.Enable("momentum");
        var enabled = new PluginStatusStore(_file).Find("momentum")!;
        Assert.Equal(PluginStatus.Active, enabled.Status);
        Assert.Equal(Noon.AddHours(2), enabled.Since);
        Assert.Contains("losing money", enabled.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PluginStatus.Malfunctioned, PluginStatus.Active)]
    [InlineData(PluginStatus.Disabled, PluginStatus.Active)]
    [InlineData(PluginStatus.NotSupported, PluginStatus.NotSupported)]
    [InlineData(PluginStatus.Superseded, PluginStatus.Superseded)]
    public void Enable_LiftsOnlyADisableOrAQuarantine(PluginStatus before, PluginStatus after)
    {
        var store = new PluginStatusStore(_file);
        store.Set(new PluginStatusRecord("momentum", before, "why", null, null, Noon));

        store.Enable("momentum");

        Assert.Equal(after, new PluginStatusStore(_file).Find("momentum")!.Status);
    }

    [Fact]
    public void Changes_ByAnotherStoreOnTheSameFile_AreKept()
    {
        var host = new PluginStatusStore(_file);
        var cli = new PluginStatusStore(_file);

        host.Set(new PluginStatusRecord("sma-crossover", PluginStatus.Active, "loaded", "1.0.0", null, Noon));
        cli.Disable("momentum", "paused by the desk");
        host.Set(new PluginStatusRecord("rsi", PluginStatus.NotSupported, "requires SDK [1.0.0, )", "0.1.0", null, Noon));

        Assert.Equal(["momentum", "rsi", "sma-crossover"], new PluginStatusStore(_file).All.Select(record => record.Id));
    }

    [Fact]
    public void ConcurrentChanges_AreAllKept()
    {
        var store = new PluginStatusStore(_file);

        Parallel.For(0, 40, i => store.Disable($"plugin-{i:D2}", "bulk"));

        Assert.Equal(40, new PluginStatusStore(_file).All.Count);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_file)!));
    }

    [Theory]
    [InlineData("{\n  \"format\": 1,\n  \"plugins\": [\n    { \"id\": \"a\", \"status\": \"Active\" \"reason\": \"x\" }\n  ]\n}", 4, "")]
    [InlineData("{\n  \"format\": 1,\n  \"plugins\": [\n    { \"id\": \"a\", \"status\": \"Active\", \"reason\": \"x\", \"since\": \"2026-11-21T12:00:00Z\" },\n    { \"id\": \"a\", \"status\": \"Disabled\", \"reason\": \"y\", \"since\": \"2026-11-21T12:00:00Z\" }\n  ]\n}", 5, "'a' appears more than once")]
    [InlineData("{\n  \"format\": 1,\n  \"plugins\": [\n    {\n      \"id\": \"a\",\n      \"status\": \"Sleeping\",\n      \"reason\": \"x\",\n      \"since\": \"2026-11-21T12:00:00Z\"\n    }\n  ]\n}", 6, "status 'Sleeping' is not one of Active, Disabled")]
    [InlineData("{\n  \"format\": 1,\n  \"plugins\": [\n    { \"id\": \"a\", \"status\": \"Active\", \"since\": \"2026-11-21T12:00:00Z\" }\n  ]\n}", 4, "lacks reason")]
    [InlineData("{ \"format\": 2, \"plugins\": [] }", 1, "format 2 is not one this host reads")]
    [InlineData("", 1, "")]
    [InlineData("{ \"format\": 1, \"plugins\": [] } trailing", 1, "")]
    public void CorruptFile_ThrowsNamingFileAndLine_AndIsNeverOverwritten(string content, int line, string detail)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        File.WriteAllText(_file, content);

        var error = Assert.Throws<PluginStatusFileException>(() => new PluginStatusStore(_file));

        Assert.Equal(_file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
        Assert.Contains($"'{_file}', line {line}", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(_file));
    }

    [Fact]
    public void FileCorruptedWhileOpen_FailsTheNextChange_AndStaysAsItWas()
    {
        var store = new PluginStatusStore(_file);
        store.Disable("momentum", "paused");
        File.WriteAllText(_file, "{ \"format\": 1, \"plugins\": [");

        Assert.Throws<PluginStatusFileException>(() => store.Enable("momentum"));

        Assert.Equal("{ \"format\": 1, \"plugins\": [", File.ReadAllText(_file));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
