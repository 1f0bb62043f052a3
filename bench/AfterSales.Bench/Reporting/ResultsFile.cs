using System.Text;

namespace AfterSales.Bench.Reporting;

/// <summary>
/// Where results go: every run is one line of <c>bench/results/runs.jsonl</c>, and the status table at the top of
/// <c>bench/RESULTS.md</c> (between two markers; the analysis around it is written by hand) is rebuilt from that log
/// after each run.
/// </summary>
internal static class ResultsFile
{
    public const string StatusBegin = "<!-- status: rebuilt by bench/AfterSales.Bench from results/runs.jsonl after every run; edit outside the markers -->";
    public const string StatusEnd = "<!-- end of status -->";

    private const string Title = "# Benchmark results";
    // No byte-order mark: the files are read by people and line-oriented tools.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);


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

    /// <summary>The run log beside a results file: <c>results/runs.jsonl</c> in its folder.</summary>
    public static string LogPathFor(string resultsPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!, "results", "runs.jsonl");

    /// <summary>Appends the run to the log, then rebuilds the status table.</summary>
    public static async Task AppendAsync(string resultsPath, RunReport report, CancellationToken cancellationToken)
    {
        await RunLog.AppendAsync(LogPathFor(resultsPath), RunRecord.From(report), cancellationToken);
        await RefreshStatusAsync(resultsPath, cancellationToken);
    }

    /// <summary>Rebuilds the status table of <paramref name="resultsPath"/> from its run log (creating the file if needed).</summary>
    public static async Task RefreshStatusAsync(string resultsPath, CancellationToken cancellationToken)
    {
        var runs = await RunLog.ReadAsync(LogPathFor(resultsPath), cancellationToken);
        var document = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath, cancellationToken) : $"{Title}\n";
        await File.WriteAllTextAsync(resultsPath, WithStatus(document, StatusTable.Render(runs, TargetCatalogue.All)), Utf8, cancellationToken);
    }

    /// <summary>The document with <paramref name="table"/> between the status markers; without markers the block goes
    /// right after the first line (the title).</summary>
    public static string WithStatus(string document, string table)
    {
        var block = $"{StatusBegin}\n{table}{StatusEnd}";
        var begin = document.IndexOf(StatusBegin, StringComparison.Ordinal);
        var end = begin < 0 ? -1 : document.IndexOf(StatusEnd, begin, StringComparison.Ordinal);
        if (begin >= 0 && end >= 0)
        {
            return string.Concat(document.AsSpan(0, begin), block, document.AsSpan(end + StatusEnd.Length));
        }
        var firstLine = document.IndexOf('\n', StringComparison.Ordinal);
        return firstLine < 0
            ? $"{document}\n\n{block}\n"
            : $"{document[..(firstLine + 1)]}\n{block}\n{document[(firstLine + 1)..]}";
    }
}
