using System.Text;
using System.Text.Json;

namespace AfterSales.Bench.Reporting;

/// <summary>The run log: one JSON object per line (JSON Lines), oldest first, appended to and never rewritten.</summary>
internal static class RunLog
{
    // No byte-order mark: each line is read on its own by line-oriented tools.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Serialize(RunRecord record) => JsonSerializer.Serialize(record, RunLogJson.Default.RunRecord);

    public static async Task AppendAsync(string path, RunRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.AppendAllTextAsync(path, Serialize(record) + "\n", Utf8, cancellationToken);
    }

    /// <summary>Every record; blank lines are skipped, a line that is not a record stops the read with its number.</summary>
    public static async Task<IReadOnlyList<RunRecord>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        var records = new List<RunRecord>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                records.Add(JsonSerializer.Deserialize(line, RunLogJson.Default.RunRecord)
                    ?? throw new BenchException($"{path}:{number}: not a run record."));
            }
            catch (JsonException ex)
            {
                throw new BenchException($"{path}:{number}: not a run record ({ex.Message}).", ex);
            }
        }
        return records;
    }
}
