using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing.Tests.Loopback;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Conformance;

public class ExchangeConformanceTests
{
    public static TheoryData<string> Cases => [.. ExchangeConformance.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LoopbackAdapter_PassesEveryCase(string caseName)
    {
        await using var venue = new LoopbackVenue();

        await ExchangeConformance.RunAsync(caseName, venue);
    }

    [Fact]
    public void CaseNames_AreTheFiveCases()
    {
        Assert.Equal(["place", "cancel", "partial-fill", "reject", "reconnect"], ExchangeConformance.CaseNames);
    }

    [Fact]
    public async Task AdapterSendingAnotherPrice_FailsPlace_SayingWhatTheVenueHolds()
    {
        var error = await FailureOf("place", FlawedAdapter.TruncatingPrices);

        Assert.Contains("the venue to hold co-1 as submitted, Buy Limit 0.00005 @ 100.37, but it holds Buy Limit 0.00005 @ 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdapterSilentOnCancel_FailsCancel()
    {
        var error = await FailureOf("cancel", FlawedAdapter.SilentOnCancel, timeout: TimeSpan.FromSeconds(2));

        Assert.Equal("Cancelled for co-1 within 2 s", error.Expected);
        Assert.Contains(error.Seen, line => line.EndsWith("suite: cancel co-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdapterReportingCumulativeQuantities_FailsPartialFill()
    {
        var error = await FailureOf("partial-fill", FlawedAdapter.CumulativeFillQuantities);

        Assert.Contains("fill 2 is 0.00005 @ 100.35", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdapterReportingFillStatuses_FailsPartialFill_AsTheEngineWouldRefuseThem()
    {
        var error = await FailureOf("partial-fill", FlawedAdapter.ReportingFillStatuses);

        Assert.Contains("'adapter: co-1 PartiallyFilled': PartiallyFilled is never reported as a status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdapterThrowingOnSubmit_FailsPlace_WithWhatItThrew()
    {
        var error = await FailureOf("place", FlawedAdapter.ThrowingOnSubmit);

        Assert.Contains("the adapter to take 'submit co-1 Buy Limit 0.00005 @ 100.37' without throwing, but it threw InvalidOperationException: not connected yet", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task AdapterSwallowingRejectReasons_FailsReject_ButPassesPlace()
    {
        var error = await FailureOf("reject", FlawedAdapter.SwallowingRejectReasons);

        Assert.Contains($"with the venue's reason \"{ConformanceCases.RejectReason}\" in it, not none", error.Message, StringComparison.Ordinal);
        await using var venue = new LoopbackVenue(FlawedAdapter.SwallowingRejectReasons);
        await ExchangeConformance.RunAsync("place", venue);
    }

    [Fact]
    public async Task AdapterThatNeverReconnects_FailsReconnect_WaitingForTheFillMadeWhileDown()
    {
        var error = await FailureOf("reconnect", () => new NaiveLoopbackAdapter(reconnects: false), timeout: TimeSpan.FromSeconds(2));

        Assert.Contains("the fill of co-1 made while disconnected (0.00003 @ 100.35), reported after the adapter reconnects within 2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdapterThatReportsAgainAfterReconnecting_FailsReconnect_ForTheDuplicateFill()
    {
        var error = await FailureOf("reconnect", () => new NaiveLoopbackAdapter(reconnects: true));

        Assert.Contains("exactly 2 fills of co-1 (0.00002 @ 100.36 and 0.00003 @ 100.35), each once, but the adapter reported 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdapterParameters_AreParsedAgainstTheAdaptersMetadata_NamingTheParameter()
    {
        await using var venue = new LoopbackVenue(extraParameters: new Dictionary<string, string> { ["reconnect-delay-ms"] = "0" });

        var error = await Assert.ThrowsAsync<Engine.Configuration.PluginConfigurationException>(() => ExchangeConformance.RunAsync("place", venue));

        Assert.Equal(("loopback-exchange", "reconnect-delay-ms"), (error.PluginId, error.ParameterName));
    }

    [Fact]
    public async Task UnknownCase_IsRefused_ListingTheCases()
    {
        await using var venue = new LoopbackVenue();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ExchangeConformance.RunAsync("fill", venue));

        Assert.Contains("place, cancel, partial-fill, reject, reconnect", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ExchangeConformanceException> FailureOf(string caseName, Func<IExchange> adapter, TimeSpan? timeout = null)
    {
        await using var venue = new LoopbackVenue(adapter);
        var error = await Assert.ThrowsAsync<ExchangeConformanceException>(() => ExchangeConformance.RunAsync(caseName, venue, timeout));
        Assert.Equal(caseName, error.CaseName);
        return error;
    }
}
