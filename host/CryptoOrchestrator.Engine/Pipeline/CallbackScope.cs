namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>One strategy callback on the <see cref="CallbackProbe"/>; a ref struct so that marking a callback allocates nothing.</summary>
internal readonly ref struct CallbackScope(CallbackProbe probe, int outerLabel)
{
    public void Dispose() => probe.Exit(outerLabel);
}
