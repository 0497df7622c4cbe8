using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CryptoOrchestrator.Plugins;

/// <summary>
/// Forces everything a type refers to to load now: its base type and interfaces, every member's
/// signature, and the code of every non-generic method with a body (JIT compiled with
/// <see cref="RuntimeHelpers.PrepareMethod(RuntimeMethodHandle)"/>). A type or member missing from, or
/// conflicting with, what the host provides then fails here, before any plugin instance exists,
/// instead of in the middle of a run.
/// </summary>
internal static class TypeLoadVerifier
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Null when the type and its members load; otherwise which member failed and why.</summary>
    public static string? Verify(Type type)
    {
        var member = "(type)";
        try
        {
            _ = type.BaseType;
            _ = type.GetInterfaces();
            foreach (var field in type.GetFields(Declared))
            {
                member = field.Name;
                _ = field.FieldType;
            }

            foreach (var property in type.GetProperties(Declared))
            {
                member = property.Name;
                _ = property.PropertyType;
                _ = property.GetIndexParameters();
            }

            foreach (var @event in type.GetEvents(Declared))
            {
                member = @event.Name;
                _ = @event.EventHandlerType;
            }

            foreach (var constructor in type.GetConstructors(Declared))
            {
                member = constructor.Name;
                _ = constructor.GetParameters();
                // Type initializers are left to run when the plugin first uses the type.
                if (!constructor.IsStatic && CanPrepare(type, constructor))
                {
                    RuntimeHelpers.PrepareMethod(constructor.MethodHandle);
                }
            }

            foreach (var method in type.GetMethods(Declared))
            {
                member = method.Name;
                _ = method.ReturnType;
                _ = method.GetParameters();
                if (CanPrepare(type, method))
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }

            return null;
        }
        catch (Exception e)
        {
            return $"{member}: {Describe(e)}";
        }
    }

    // The loader's own explanation (why a dependency was not found) travels as the inner exception.
    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!text.Contains(inner.Message, StringComparison.Ordinal))
            {
                text += $" ({inner.Message})";
            }
        }

        return text;
    }

    // Only code that compiles on its own: IL bodies outside generic definitions, static virtuals of
    // interfaces (they need a constrained call site) and entry points callable only from native code.
    private static bool CanPrepare(Type type, MethodBase method) =>
        !type.ContainsGenericParameters
        && !method.ContainsGenericParameters
        && !method.IsAbstract
        && (method.MethodImplementationFlags & MethodImplAttributes.CodeTypeMask) == MethodImplAttributes.IL
        && (method.MethodImplementationFlags & MethodImplAttributes.InternalCall) == 0
        && (method.Attributes & MethodAttributes.PinvokeImpl) == 0
        && !(type.IsInterface && method.IsStatic)
        && !method.IsDefined(typeof(UnmanagedCallersOnlyAttribute), inherit: false);
}
