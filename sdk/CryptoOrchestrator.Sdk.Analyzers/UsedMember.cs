using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>The member an operation uses (method, property or constructor) and the receiver it is used on.</summary>
internal readonly struct UsedMember
{
    private UsedMember(ISymbol? member, IOperation? receiver)
    {
        Member = member;
        Receiver = receiver;
    }

    /// <summary>Null when the operation uses no member, or its member did not bind (code with errors).</summary>
    public ISymbol? Member { get; }

    /// <summary>The instance the member is used on; null for static members and constructors.</summary>
    public IOperation? Receiver { get; }

    public static UsedMember Of(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => new UsedMember(invocation.TargetMethod, invocation.Instance),
        IPropertyReferenceOperation property => new UsedMember(property.Property, property.Instance),
        IMethodReferenceOperation method => new UsedMember(method.Method, method.Instance),
        IObjectCreationOperation creation => new UsedMember(creation.Constructor, null),
        _ => default,
    };

    /// <summary>The receiver without the implicit conversions the compiler wraps around it.</summary>
    public IOperation? UnwrappedReceiver
    {
        get
        {
            var receiver = Receiver;
            while (receiver is IConversionOperation { IsImplicit: true } conversion)
            {
                receiver = conversion.Operand;
            }

            return receiver;
        }
    }
}
