using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// Binds configuration sections strictly: a key the settings do not have, or a value that does not convert,
/// is a validation failure naming the key, reported with every other failure when the host starts.
/// </summary>
internal static class ConfigurationBinding
{
    /// <summary>Binds <paramref name="section"/> onto <paramref name="settings"/>.</summary>
    public static void Bind<T>(IConfiguration configuration, string section, T settings)
        where T : class =>
        Strictly<T>(configuration.GetSection(section), found => found.Bind(settings, Strict));

    /// <summary>The value of <paramref name="section"/> as <typeparamref name="T"/>; null when the section is absent.</summary>
    public static T? Get<T>(IConfiguration configuration, string section)
    {
        T? value = default;
        Strictly<T>(configuration.GetSection(section), found => value = found.Get<T>(Strict));
        return value;
    }

    /// <summary>Registers <typeparamref name="T"/> bound from <paramref name="section"/>, checked when the host starts.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Configure(settings => Bind(configuration, section, settings)).ValidateOnStart();

    private static void Strict(BinderOptions options) => options.ErrorOnUnknownConfiguration = true;

    private static void Strictly<T>(IConfigurationSection section, Action<IConfigurationSection> bind)
    {
        var unknown = UnknownKeys.In(section, typeof(T)).ToList();
        if (unknown.Count > 0)
        {
            throw new OptionsValidationException(section.Path, typeof(T), unknown);
        }

        try
        {
            bind(section);
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(section.Path, typeof(T), [Describe(e)]);
        }
    }

    // The binder says which key and what went wrong, sometimes in an inner exception (a failed conversion).
    private static string Describe(Exception e) =>
        e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
}
