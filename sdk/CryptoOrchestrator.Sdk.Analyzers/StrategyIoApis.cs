using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>
/// CO1004's catalog: network clients, DNS, and the file system. A stream or reader is flagged where
/// it opens a path or a socket, not where it is merely read, so reading a MemoryStream stays clean.
/// </summary>
internal static class StrategyIoApis
{
    private static readonly string[] Families =
    [
        "System.Net.Http.HttpMessageInvoker",
        "System.Net.WebClient",
        "System.Net.WebRequest",
        "System.Net.WebSockets.WebSocket",
        "System.Net.Sockets.Socket",
        "System.Net.Sockets.TcpClient",
        "System.Net.Sockets.TcpListener",
        "System.Net.Sockets.UdpClient",
        "System.Net.Dns",
        "System.IO.File",
        "System.IO.Directory",
        "System.IO.FileSystemInfo",
        "System.IO.FileStream",
        "System.IO.FileSystemWatcher",
        "System.IO.RandomAccess",
    ];

    public static ApiCatalog Create(Compilation compilation)
    {
        var flagged = ApiEntry.Flagged();
        var catalog = new ApiCatalog();
        foreach (var family in Families)
        {
            catalog.AddFamily(compilation.GetTypeByMetadataName(family), flagged);
        }

        var text = compilation.GetSpecialType(SpecialType.System_String);
        bool OpensPath(IMethodSymbol constructor) =>
            constructor.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, text);
        return catalog
            .AddConstructors(compilation.GetTypeByMetadataName("System.IO.StreamReader"), OpensPath, flagged)
            .AddConstructors(compilation.GetTypeByMetadataName("System.IO.StreamWriter"), OpensPath, flagged);
    }
}
