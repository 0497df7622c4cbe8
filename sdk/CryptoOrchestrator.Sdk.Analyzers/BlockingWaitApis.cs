using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>CO1003's catalog: calls that park the calling thread until time passes or something else finishes.</summary>
internal static class BlockingWaitApis
{
    private static readonly string[] Awaiters =
    [
        "System.Runtime.CompilerServices.TaskAwaiter",
        "System.Runtime.CompilerServices.TaskAwaiter`1",
        "System.Runtime.CompilerServices.ValueTaskAwaiter",
        "System.Runtime.CompilerServices.ValueTaskAwaiter`1",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter",
    ];

    public static ApiCatalog Create(Compilation compilation)
    {
        var flagged = ApiEntry.Flagged();
        var catalog = new ApiCatalog()
            .AddMembers(Type(compilation, "System.Threading.Thread"), flagged, "Sleep", "Join", "SpinWait")
            .AddMembers(Type(compilation, "System.Threading.Tasks.Task"), flagged, "Wait", "WaitAll", "WaitAny")
            .AddMembers(Type(compilation, "System.Threading.Tasks.Task`1"), flagged, "Result")
            .AddMembers(Type(compilation, "System.Threading.Tasks.ValueTask`1"), flagged, "Result")
            .AddMembers(Type(compilation, "System.Threading.SpinWait"), flagged, "SpinUntil")
            .AddMembers(Type(compilation, "System.Threading.Monitor"), flagged, "Wait")
            .AddMembers(Type(compilation, "System.Threading.WaitHandle"), flagged, "WaitOne", "WaitAll", "WaitAny", "SignalAndWait")
            .AddMembers(Type(compilation, "System.Threading.SemaphoreSlim"), flagged, "Wait")
            .AddMembers(Type(compilation, "System.Threading.ManualResetEventSlim"), flagged, "Wait")
            .AddMembers(Type(compilation, "System.Threading.CountdownEvent"), flagged, "Wait")
            .AddMembers(Type(compilation, "System.Threading.Barrier"), flagged, "SignalAndWait");
        var getResult = ApiEntry.Named("GetAwaiter().GetResult()");
        foreach (var awaiter in Awaiters)
        {
            catalog.AddMembers(Type(compilation, awaiter), getResult, "GetResult");
        }

        return catalog;
    }

    private static INamedTypeSymbol? Type(Compilation compilation, string metadataName) => compilation.GetTypeByMetadataName(metadataName);
}
