using System.Buffers;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// Opt-in for a plugin that hands its state to its next version when the host swaps a new build
/// in while a bot runs (hot reload). A plugin that does not implement it is restarted warm instead:
/// the new instance is re-fed the bot's recent history before it goes live.
/// </summary>
/// <remarks>
/// The host calls <see cref="SaveState"/> on the running instance at an event boundary, creates and
/// initialises the new instance, then calls <see cref="RestoreState"/> on it with the payload and the
/// version it was written with. If <see cref="RestoreState"/> throws, the new version is rejected and
/// the old one keeps running untouched, so saving must not change the running instance.
/// </remarks>
public interface IStatefulPlugin
{
    /// <summary>The format version of the payload <see cref="SaveState"/> writes; bump it when the layout changes.</summary>
    int StateVersion { get; }

    /// <summary>Writes the instance's state to <paramref name="payload"/>; must leave the instance as it was.</summary>
    void SaveState(IBufferWriter<byte> payload);

    /// <summary>
    /// Restores what a previous instance saved, after <c>Initialize</c>. Throw (for example on a
    /// <paramref name="version"/> this build cannot read) to reject the swap; the running version stays.
    /// </summary>
    void RestoreState(int version, ReadOnlySpan<byte> payload);
}
