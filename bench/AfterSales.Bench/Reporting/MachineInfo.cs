using System.Globalization;
using System.Runtime.InteropServices;

namespace AfterSales.Bench.Reporting;

/// <summary>The machine a result was measured on, read from /proc and /etc/os-release where available.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string OperatingSystem, string Runtime)
{
    public static MachineInfo Read() => new(
        Cpu: FirstValue("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Cores: Environment.ProcessorCount,
        Memory: ReadMemory(),
        OperatingSystem: FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        Runtime: RuntimeInformation.FrameworkDescription);

    /// <summary>The 1-minute load average (a noisy box shows here), or null when unknown.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public override string ToString() =>
        $"{Cpu}, {Cores} cores, {Memory} RAM, {OperatingSystem}, {Runtime}";

    private static string ReadMemory()
    {
        var total = FirstValue("/proc/meminfo", "MemTotal", ':');
        if (total is not null && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{kib / 1024d / 1024d:0.0} GiB");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024d * 1024 * 1024):0.0} GiB");
    }

    private static string? FirstValue(string path, string key, char separator)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var at = line.IndexOf(separator, StringComparison.Ordinal);
                if (at > 0 && line[..at].Trim() == key)
                {
                    return line[(at + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
