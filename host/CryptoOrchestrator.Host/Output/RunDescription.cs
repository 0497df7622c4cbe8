namespace CryptoOrchestrator.Host.Output;

/// <summary>What was run, recorded beside the results so a run can be repeated exactly.</summary>
internal sealed record RunDescription(
    string Strategy,
    string StrategyVersion,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string Data,
    string Symbol,
    decimal InitialCash,
    string Fill,
    string Sizing,
    string Slippage,
    decimal TakerCommission,
    decimal MakerCommission,
    decimal FixedFeePerOrder,
    string PositionMode,
    int Seed,
    string Execution);
