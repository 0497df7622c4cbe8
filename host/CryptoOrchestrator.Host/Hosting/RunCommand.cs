using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// <c>orchestrator run [--config FILE] [--Section:Key=value …]</c>: the long-running host. It loads the
/// plugins, creates and starts the bots of its configuration and runs until Ctrl+C or SIGTERM, when it
/// stops every bot at an event boundary and exits 0. Invalid configuration exits 2, naming each key at fault.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter errors)
    {
        var config = new Option<string?>("--config")
        {
            Description = $"A JSON settings file, read after {RunHost.SettingsFileName} beside the executable; relative paths in it start from its folder.",
        };
        var command = new Command("run", "Runs the host with the bots of its configuration until Ctrl+C or SIGTERM. "
            + $"Settings may also come from {RunHost.EnvironmentPrefix}* environment variables and --Section:Key=value arguments.")
        {
            config,
        };
        // Tokens the command does not know are configuration keys, for the host's command-line source.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse => Run(parse.GetValue(config), parse.UnmatchedTokens, errors));
        return command;
    }

    private static int Run(string? configFile, IReadOnlyList<string> configArguments, TextWriter errors)
    {
        if (configFile is not null && !File.Exists(configFile))
        {
            errors.WriteLine($"error: --config '{configFile}' does not exist.");
            return 2;
        }

        try
        {
            using var host = RunHost.Build(configFile, configArguments);
            // Checked before the host starts, so a refusal is the list below rather than a failed start's stack trace.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            try
            {
                host.Run();
            }
            catch (OperationCanceledException)
            {
                // SIGTERM while starting: the start is abandoned and the host stops as it would after starting.
            }

            return 0;
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            errors.WriteLine("error: the configuration is invalid:");
            foreach (var failure in failures)
            {
                errors.WriteLine($"  {failure}");
            }

            return 2;
        }
        catch (InvalidDataException e)
        {
            // A settings file that is not valid JSON.
            errors.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>Every failure of the sections that failed, whether one section failed or several (an aggregate).</summary>
    private static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all => [.. all.InnerExceptions.SelectMany(ValidationFailures)],
        _ => [],
    };
}
