namespace CmBot.Tests.Support;

/// <summary>Paths inside the repository the tests run from (found by walking up to CmBot.sln).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CmBot.sln"))) return folder.FullName;
        throw new InvalidOperationException("CmBot.sln not found above " + AppContext.BaseDirectory);
    }
}
