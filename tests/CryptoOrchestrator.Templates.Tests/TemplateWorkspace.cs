using System.Diagnostics;

namespace CryptoOrchestrator.Templates.Tests;

/// <summary>
/// A folder outside the repository, so that none of its build settings apply: a local feed with the
/// SDK, test kit and template packs this build made, a nuget.config of that feed and nuget.org, a
/// package cache of its own (so no package of the same version cached earlier is used), and a
/// private template hive with the templates installed. Deleted when the tests are done.
/// </summary>
public sealed class TemplateWorkspace : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(2);

    private readonly List<(string Stage, TimeSpan Elapsed)> _setup = [];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"co-templates-{System.Environment.ProcessId}-{Stopwatch.GetTimestamp():x}");

    public string Feed => Path.Combine(Root, "feed");

    public string Hive => Path.Combine(Root, "hive");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
    };

    /// <summary>How long packing and installing took, stage by stage.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> SetupTimings => _setup;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Hive);
        await File.WriteAllTextAsync(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);

        // --no-build: the test project's references built these already; building again would race the solution build.
        string[] packed =
        [
            BuildInfo.InRepo("sdk", "CryptoOrchestrator.Sdk", "CryptoOrchestrator.Sdk.csproj"),
            BuildInfo.InRepo("sdk", "CryptoOrchestrator.Sdk.Testing", "CryptoOrchestrator.Sdk.Testing.csproj"),
            BuildInfo.InRepo("templates", "CryptoOrchestrator.Templates.csproj"),
        ];
        foreach (var project in packed)
        {
            await SetupStageAsync($"pack {Path.GetFileNameWithoutExtension(project)}", BuildInfo.RepoRoot, PackTimeout, "pack", project, "--no-build", "-c", BuildInfo.Configuration, "-o", Feed, "-nr:false");
        }

        var templates = Path.Combine(Feed, $"CryptoOrchestrator.Templates.{BuildInfo.PackageVersion}.nupkg");
        await SetupStageAsync("dotnet new install", Root, PackTimeout, "new", "install", templates, "--debug:custom-hive", Hive);
    }

    /// <summary>Runs <c>dotnet</c> with the workspace's environment.</summary>
    public Task<ChildResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", arguments, workingDirectory, Environment, timeout);

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a build server that outlived its build) only leaves a temp folder behind.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }

        return Task.CompletedTask;
    }

    private async Task SetupStageAsync(string stage, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var result = await DotnetAsync(workingDirectory, timeout, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Workspace setup failed at '{stage}'.\n{result.Describe()}");
        }

        _setup.Add((stage, result.Elapsed));
    }
}
