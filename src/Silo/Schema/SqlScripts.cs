using System.Reflection;

namespace AfterSales.Silo.Schema;

/// <summary>Reads the schema scripts embedded in this assembly from <c>Sql/{dialect}/NNN-description.sql</c>,
/// in file-name order (the NNN prefix orders them).</summary>
internal static class SqlScripts
{
    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;

    public static IReadOnlyList<SqlScript> For(SqlDialect dialect)
    {
        // Embedded resource names are "<root namespace>.Sql.<folder>.<file name>".
        var prefix = $"{Assembly.GetName().Name}.Sql.{dialect}.";
        var scripts = new List<SqlScript>();
        foreach (var resource in Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded script '{resource}' cannot be read.");
            using var reader = new StreamReader(stream);
            scripts.Add(new SqlScript(resource[prefix.Length..], reader.ReadToEnd()));
        }
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No embedded schema scripts found for {dialect}.");
        }
        scripts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return scripts;
    }
}
