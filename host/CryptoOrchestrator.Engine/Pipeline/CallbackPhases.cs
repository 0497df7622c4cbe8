namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>The names of the plugin calls the pipeline reports in faults, swap rejections and the <see cref="CallbackProbe"/>.</summary>
public static class CallbackPhases
{
    /// <summary>IStrategy.Initialize.</summary>
    public const string Initialize = "Initialize";

    /// <summary>IStrategy.OnBar on a live bar.</summary>
    public const string OnBar = "OnBar";

    /// <summary>IStrategy.OnTrade on a public trade.</summary>
    public const string OnTrade = "OnTrade";

    /// <summary>IStrategy.OnFill.</summary>
    public const string OnFill = "OnFill";

    /// <summary>IStrategy.OnOrderUpdate.</summary>
    public const string OnOrderUpdate = "OnOrderUpdate";

    /// <summary>A signal passed to IStrategyContext.Emit was malformed.</summary>
    public const string Emit = "Emit";

    /// <summary>IStatefulPlugin.SaveState (and StateVersion) on the running instance.</summary>
    public const string SaveState = "SaveState";

    /// <summary>IStatefulPlugin.RestoreState on a replacement.</summary>
    public const string RestoreState = "RestoreState";

    /// <summary>IStrategy.OnBar on a bar of recent history re-fed to a replacement.</summary>
    public const string ReplayOnBar = "ReplayOnBar";

    /// <summary>IPlugin.Metadata, read from a replacement to check its id.</summary>
    public const string Metadata = "Metadata";

    /// <summary>IDisposable.Dispose on an instance that was swapped out.</summary>
    public const string Dispose = "Dispose";

    /// <summary>The name of <paramref name="phase"/>, or null for none.</summary>
    internal static string? NameOf(CallbackPhase phase) => phase switch
    {
        CallbackPhase.Initialize => Initialize,
        CallbackPhase.OnBar => OnBar,
        CallbackPhase.OnTrade => OnTrade,
        CallbackPhase.OnFill => OnFill,
        CallbackPhase.OnOrderUpdate => OnOrderUpdate,
        CallbackPhase.SaveState => SaveState,
        CallbackPhase.RestoreState => RestoreState,
        CallbackPhase.ReplayOnBar => ReplayOnBar,
        CallbackPhase.Metadata => Metadata,
        CallbackPhase.Dispose => Dispose,
        _ => null,
    };
}
