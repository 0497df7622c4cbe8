using System.Security.Cryptography;

namespace CryptoOrchestrator.Api.Configuration;

/// <summary>
/// Random keys kept in files readable by the host's user only, so an install with no keys configured still starts,
/// and keeps the same keys across restarts (tokens stay valid, stored secrets stay readable). Two hosts racing to
/// create the same file both end up with the one that was written first.
/// </summary>
internal static class KeyFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>The base64 key in <paramref name="fileName"/> under <paramref name="directory"/>, created with <paramref name="bytes"/> random bytes when missing.</summary>
    public static string ReadOrCreate(string directory, string fileName, int bytes) =>
        ReadOrCreateText(directory, fileName, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));

    /// <summary>The text in the file, or <paramref name="create"/>'s, written first when the file is missing.</summary>
    public static string ReadOrCreateText(string directory, string fileName, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var path = Path.Combine(directory, fileName);
        if (File.Exists(path))
        {
            return Read(path);
        }

        CreateDirectory(directory);
        var text = create();
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using var writer = new StreamWriter(path, options);
            writer.Write(text);
            return text;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Read(path);
        }
    }

    private static string Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        return text.Length > 0
            ? text
            : throw new InvalidOperationException($"{path} is empty: delete it to have a new key made, or restore the one that was there.");
    }

    private static void CreateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, OwnerOnlyDirectory);
    }
}
