using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Tests.PublicApi;

public class PublicApiTests
{
    [Fact]
    public void SdkPublicSurface_MatchesTheApprovedFile()
    {
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi", "CryptoOrchestrator.Sdk.approved.txt");
        var actual = PublicApiDescriber.Describe(typeof(IPlugin).Assembly);

        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
        if (approved != actual)
        {
            // Review the difference; if the change is intended, copy the received file over the approved one.
            File.WriteAllText(approvedPath.Replace(".approved.txt", ".received.txt", StringComparison.Ordinal), actual);
        }

        Assert.Equal(approved, actual);
    }
}
