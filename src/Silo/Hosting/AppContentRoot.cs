using System.Reflection;

namespace AfterSales.Silo.Hosting;

/// <summary>Where a program (the Silo or the Api) reads its <c>appsettings*.json</c>: the folder of its binaries,
/// wherever it was started from, so a published program never picks up the settings of the directory it was started
/// in (or runs without its own, at framework defaults).</summary>
/// <remarks>The host's own default — the working directory — is kept when the content root is given explicitly
/// (<c>--contentRoot</c>, <c>DOTNET_CONTENTROOT</c>, <c>ASPNETCORE_CONTENTROOT</c>), when the working directory is the
/// program's project folder (<c>dotnet run</c> and IDEs start there, and the settings are edited there), and when the
/// process is not the program itself (a test host hosting it sets its own content root).</remarks>
public static class AppContentRoot
{
    private static readonly string[] EnvironmentVariables = ["DOTNET_CONTENTROOT", "ASPNETCORE_CONTENTROOT"];

    /// <summary>The content root to pass to the host builder, or <see langword="null"/> for the host's default.</summary>
    /// <param name="program">The program's entry assembly (<c>typeof(Program).Assembly</c>).</param>
    /// <param name="args">The command-line arguments the host builder receives.</param>
    public static string? For(Assembly program, string[] args) => Resolve(
        args,
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        AppContext.BaseDirectory,
        program.GetName().Name ?? "",
        isEntryAssembly: Assembly.GetEntryAssembly() == program);

    /// <summary>The rule of <see cref="For"/> on explicit inputs.</summary>
    internal static string? Resolve(
        IReadOnlyList<string> args,
        Func<string, string?> environment,
        string workingDirectory,
        string baseDirectory,
        string programName,
        bool isEntryAssembly)
    {
        if (!isEntryAssembly
            || args.Any(NamesContentRoot)
            || EnvironmentVariables.Any(name => !string.IsNullOrEmpty(environment(name)))
            || File.Exists(Path.Combine(workingDirectory, programName + ".csproj")))
        {
            return null;
        }
        return baseDirectory;
    }

    // Command-line configuration keys: "--contentRoot value", "--contentRoot=value", "/contentRoot value",
    // "contentRoot=value"; keys are case-insensitive.
    private static bool NamesContentRoot(string argument)
    {
        var key = argument.TrimStart('-', '/');
        var end = key.IndexOf('=', StringComparison.Ordinal);
        return (end < 0 ? key : key[..end]).Equals("contentRoot", StringComparison.OrdinalIgnoreCase);
    }
}
