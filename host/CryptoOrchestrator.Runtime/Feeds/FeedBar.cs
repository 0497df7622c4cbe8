using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Feeds;

/// <summary>One closed bar of one instrument, as a feed yields it.</summary>
/// <param name="Instrument">What the bar is of; one of the feed's instruments.</param>
/// <param name="Bar">The closed bar.</param>
public readonly record struct FeedBar(Instrument Instrument, Bar Bar);
