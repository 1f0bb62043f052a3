using System.Reflection;

namespace AfterSales.Faults.Processes;

/// <summary>The Silo and API assemblies built in the same configuration as this kit (recorded at build time).</summary>
public static class BuiltPrograms
{
    public static string Silo => Find("AfterSales.SiloAssembly");

    public static string Api => Find("AfterSales.ApiAssembly");

    private static string Find(string key)
    {
        var path = typeof(BuiltPrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException($"The built program '{path ?? key}' does not exist: build the solution in the same configuration first.");
        }
        return path;
    }
}
