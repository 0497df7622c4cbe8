using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins;

/// <summary>
/// A plugin that loaded and passed every check but that the status file keeps out: disabled by an
/// operator, or quarantined (Malfunctioned) in this very version. Strings only, so its context can go.
/// </summary>
/// <param name="Id">The plugin's id.</param>
/// <param name="Version">Its version, normalized.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="SourceFile">The assembly or package it was found in.</param>
/// <param name="Status"><see cref="PluginStatus.Disabled"/> or <see cref="PluginStatus.Malfunctioned"/>.</param>
/// <param name="Reason">The reason on record.</param>
public sealed record ExcludedPlugin(string Id, string Version, PluginKind Kind, string SourceFile, PluginStatus Status, string Reason);
