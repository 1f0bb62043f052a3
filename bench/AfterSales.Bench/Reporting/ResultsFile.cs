using System.Text;

namespace AfterSales.Bench.Reporting;

/// <summary>Keeps <c>bench/RESULTS.md</c>: a summary table with one row per run and one detailed section per run,
/// newest last. Created with its header the first time.</summary>
internal static class ResultsFile
{
    private const string RowMarker = "<!-- next summary row -->";

    private static readonly string Header = $"""
        # Benchmark results

        Written by `bench/AfterSales.Bench` (how to run: [README.md](README.md)). One summary row and one section per
        run, newest last. The machine is shared: read the load average of each run, and compare HTTP results through
        their ratio to the plaintext ceiling measured in the same run rather than across runs.

        ## Summary

        {MarkdownReport.SummaryHeader}
        {RowMarker}

        ## Runs

        """;

    /// <summary>The default location: <c>bench/RESULTS.md</c> under the repository holding the solution.</summary>
    public static string DefaultPath()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "AfterSales.Orleans.sln")))
                {
                    return Path.Combine(folder.FullName, "bench", "RESULTS.md");
                }
            }
        }
        return Path.Combine(Environment.CurrentDirectory, "RESULTS.md");
    }

    public static async Task AppendAsync(string path, RunReport report, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : Header;
        var row = MarkdownReport.SummaryRow(report);
        var at = existing.IndexOf(RowMarker, StringComparison.Ordinal);
        var updated = new StringBuilder(existing.Length + 4096);
        if (at >= 0)
        {
            updated.Append(existing, 0, at).Append(row).Append('\n').Append(existing, at, existing.Length - at);
        }
        else
        {
            updated.Append(existing).Append('\n').Append(MarkdownReport.SummaryHeader).Append('\n').Append(row).Append('\n');
        }
        if (updated[^1] != '\n')
        {
            updated.Append('\n');
        }
        updated.Append('\n').Append(MarkdownReport.Section(report));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, updated.ToString(), cancellationToken);
    }
}
