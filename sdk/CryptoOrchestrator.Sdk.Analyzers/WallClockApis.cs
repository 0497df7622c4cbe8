using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>CO1001's catalog: every way .NET reads the machine's clock.</summary>
internal static class WallClockApis
{
    public static ApiCatalog Create(Compilation compilation)
    {
        var dateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
        var dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        return new ApiCatalog()
            .AddMembers(dateTime, ApiEntry.Flagged(), "Now", "Today")
            .AddMembers(dateTime, ApiEntry.ReplacedBy("Clock.UtcNow.UtcDateTime"), "UtcNow")
            .AddMembers(dateTimeOffset, ApiEntry.Flagged(), "Now")
            .AddMembers(dateTimeOffset, ApiEntry.ReplacedBy("Clock.UtcNow"), "UtcNow")
            .AddMembers(compilation.GetTypeByMetadataName("System.Environment"), ApiEntry.Flagged(), "TickCount", "TickCount64")
            .AddMembers(compilation.GetTypeByMetadataName("System.TimeProvider"), ApiEntry.Flagged(), "System")
            .AddFamily(compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch"), ApiEntry.Flagged());
    }
}
