namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>The roles a plugin can play in the pipeline.</summary>
public enum PluginKind
{
    /// <summary>Turns market data into signals or orders (<see cref="IStrategy"/>).</summary>
    Strategy = 1,

    /// <summary>A predictive model strategies call (<see cref="IModel"/>).</summary>
    Model = 2,

    /// <summary>Approves, resizes or rejects orders (<see cref="IRiskRule"/>).</summary>
    RiskRule = 3,

    /// <summary>Connects to a venue (<see cref="IExchange"/>).</summary>
    Exchange = 4,

    /// <summary>Works a parent order as child orders (<see cref="IExecutionAlgorithm"/>).</summary>
    ExecutionAlgorithm = 5,

    /// <summary>Turns a target exposure into a quantity (<see cref="IPositionSizer"/>).</summary>
    PositionSizer = 6,

    /// <summary>Combines the signals of several strategies (<see cref="ISignalFusion"/>).</summary>
    SignalFusion = 7,
}
