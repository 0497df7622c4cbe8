namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>How a replacement strategy took over its slot.</summary>
public enum SwapMode
{
    /// <summary>The running instance saved its state and the replacement restored it (both implement IStatefulPlugin).</summary>
    StateHandoff = 0,

    /// <summary>The replacement was re-fed the pipeline's recent bars, with everything it tried to do dropped.</summary>
    WarmReplay = 1,
}
