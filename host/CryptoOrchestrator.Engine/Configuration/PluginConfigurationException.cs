namespace CryptoOrchestrator.Engine.Configuration;

/// <summary>A plugin's parameters are misconfigured or misread; the message names the plugin and the parameter.</summary>
public sealed class PluginConfigurationException : Exception
{
    public PluginConfigurationException(string pluginId, string? parameterName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        PluginId = pluginId;
        ParameterName = parameterName;
    }

    /// <summary>The plugin whose parameters are at fault.</summary>
    public string PluginId { get; }

    /// <summary>The parameter at fault, or null when the fault is not one parameter's (e.g. a malformed pair).</summary>
    public string? ParameterName { get; }
}
