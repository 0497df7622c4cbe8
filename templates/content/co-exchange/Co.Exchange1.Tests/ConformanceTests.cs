using CryptoOrchestrator.Sdk.Testing;

namespace Co.Exchange1.Tests;

public class ConformanceTests
{
    public static TheoryData<string> Cases => [.. ExchangeConformance.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Adapter_PassesTheConformanceCase(string caseName)
    {
        await using var venue = new TcpTestVenue();

        await ExchangeConformance.RunAsync(caseName, venue, TimeSpan.FromSeconds(20));
    }
}
