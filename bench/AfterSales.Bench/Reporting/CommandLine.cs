using System.Reflection;

namespace AfterSales.Bench.Reporting;

/// <summary>The one-line command that repeats a run, as recorded in the results.</summary>
internal static class CommandLine
{
    /// <summary>The build configuration the bench was compiled in (numbers from a Debug build are not comparable).</summary>
    public static string Configuration =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string Format(IReadOnlyList<string> arguments) =>
        $"dotnet run -c {Configuration} --project bench/AfterSales.Bench -- {string.Join(' ', arguments.Select(Quote))}".TrimEnd();

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_.,:/=@+".Contains(c, StringComparison.Ordinal))
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
