namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>Files of the repository the tests run from (found by walking up to the solution file).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.Orleans.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No AfterSales.Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
