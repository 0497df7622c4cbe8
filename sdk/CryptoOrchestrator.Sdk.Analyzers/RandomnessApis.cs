using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>
/// CO1002's catalog. A Random built with a seed is not in it: it replays whenever its seed does, and
/// a seed taken from the clock or a GUID is caught where it is read.
/// </summary>
internal static class RandomnessApis
{
    public static ApiCatalog Create(Compilation compilation)
    {
        var random = compilation.GetTypeByMetadataName("System.Random");
        var guid = compilation.GetTypeByMetadataName("System.Guid");
        return new ApiCatalog()
            .AddConstructors(random, constructor => constructor.Parameters.Length == 0, ApiEntry.ReplacedBy("Random", "is seeded differently on every run"))
            .AddMembers(random, ApiEntry.ReplacedBy("Random", "is shared by the whole process and seeded differently on every run"), "Shared")
            .AddMembers(guid, ApiEntry.Flagged("differs on every run"), "NewGuid")
            .AddMembers(guid, ApiEntry.Flagged("is built from the wall clock and random bits"), "CreateVersion7")
            .AddFamily(
                compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator"),
                ApiEntry.Flagged("draws from the operating system's entropy, which no seed can replay"));
    }
}
