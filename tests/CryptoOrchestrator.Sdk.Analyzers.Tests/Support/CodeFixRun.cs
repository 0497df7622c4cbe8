using CryptoOrchestrator.Sdk.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

/// <summary>
/// Applies the SDK's code fix in a workspace, as an editor would, to the single diagnostic a snippet
/// raises, and checks that the fixed code still compiles.
/// </summary>
public static class CodeFixRun
{
    /// <summary>The result of the first fix offered for the snippet's one diagnostic, or null when no fix is offered.</summary>
    public static async Task<FixResult?> FixAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "SnippetPlugin",
            "SnippetPlugin",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: TestCompilation.ParseOptions,
            metadataReferences: TestCompilation.PluginReferences));
        workspace.AddDocument(project.Id, "GlobalUsings.cs", SourceText.From(TestCompilation.GlobalUsings + "\n" + TestCompilation.SdkGlobalUsings));
        var document = workspace.AddDocument(project.Id, "Plugin.cs", SourceText.From(source));

        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(TestCompilation.Errors(compilation));
        var diagnostic = Assert.Single(AnalyzerRun.Diagnostics(compilation));

        var actions = new List<CodeAction>();
        var provider = new UseContextCodeFixProvider();
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        if (actions.Count == 0)
        {
            return null;
        }

        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        var fixedDocument = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        var fixedCompilation = (await fixedDocument.Project.GetCompilationAsync())!;
        Assert.Empty(TestCompilation.Errors(fixedCompilation));
        return new FixResult(
            actions[0].Title,
            (await fixedDocument.GetTextAsync()).ToString(),
            AnalyzerRun.Findings(fixedCompilation));
    }
}
