using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CryptoOrchestrator.Sdk.Analyzers.CodeFixes;

/// <summary>
/// Fixes CO1001 and CO1002 where the replacement is obvious: <c>DateTime.UtcNow</c> and
/// <c>DateTimeOffset.UtcNow</c> become the context's clock, <c>new Random()</c> and
/// <c>Random.Shared</c> the context's Random, provided the code can reach a plugin context.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseContextCodeFixProvider))]
[Shared]
public sealed class UseContextCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.WallClockId, Rules.RandomnessId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.ContextReplacement, out var replacement)
                || replacement is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax site
                || ContextAccessFinder.Find(model, site, context.CancellationToken) is not { } contextAccess)
            {
                continue;
            }

            var text = $"{contextAccess}.{replacement}";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {text}",
                    _ => Task.FromResult(Replace(context.Document, root, site, text)),
                    equivalenceKey: $"{diagnostic.Id}:{replacement}"),
                diagnostic);
        }
    }

    private static Document Replace(Document document, SyntaxNode root, ExpressionSyntax site, string text)
    {
        var replacement = SyntaxFactory.ParseExpression(text).WithTriviaFrom(site);
        return document.WithSyntaxRoot(root.ReplaceNode(site, replacement));
    }
}
