namespace CryptoOrchestrator.Host.Bench;

/// <summary>The temporary folder a bench works in.</summary>
internal static class BenchFolder
{
    /// <summary>Deletes <paramref name="root"/> as far as it can.</summary>
    public static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Shadow copies of plugin contexts not yet collected; the temp folder is the OS's to clean.
        }
    }
}
