using System.Globalization;
using System.Text.RegularExpressions;

namespace AfterSales.Tests.Api.Infrastructure.HttpFiles;

/// <summary>Reads an <c>.http</c> file the way Visual Studio, Rider and VS Code's REST Client do: requests separated
/// by <c>###</c>, comments (<c>#</c>, <c>//</c>), <c># @name</c>, a request line, headers up to a blank line, then the
/// body; <c>@name = value</c> lines define file variables (before the first request, or after a body). The status a
/// request should get is read from its title (<c>### 404 on …</c>, <c>### M4. 422 on …</c>) or a <c># expect 409</c> comment.</summary>
public static partial class HttpFile
{
    public static (IReadOnlyList<KeyValuePair<string, string>> Variables, IReadOnlyList<HttpFileRequest> Requests) Parse(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = new List<KeyValuePair<string, string>>();
        var requests = new List<HttpFileRequest>();
        var blockStart = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || lines[i].StartsWith("###", StringComparison.Ordinal))
            {
                if (ParseBlock(lines, blockStart, i) is { } request)
                {
                    requests.Add(request);
                }
                else
                {
                    // A block without a request (the file's header, a section heading) still defines variables.
                    header.AddRange(VariablesIn(lines, blockStart, i));
                }
                blockStart = i;
            }
        }
        return (header, requests);
    }

    private static HttpFileRequest? ParseBlock(string[] lines, int start, int end)
    {
        var title = lines[start].StartsWith("###", StringComparison.Ordinal) ? lines[start][3..].Trim() : "";
        string? name = null;
        int? expected = null;
        var i = start;
        for (; i < end; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("###", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
            {
                var comment = line.TrimStart('#', '/').Trim();
                if (NameComment().Match(comment) is { Success: true } named)
                {
                    name = named.Groups[1].Value;
                }
                else if (ExpectComment().Match(comment) is { Success: true } expect)
                {
                    expected = int.Parse(expect.Groups[1].Value, CultureInfo.InvariantCulture);
                }
                else if (title.Length == 0)
                {
                    title = comment;
                }
                continue;
            }
            if (VariableLine().IsMatch(line))
            {
                continue;
            }
            break;
        }
        if (i >= end || RequestLine().Match(lines[i].Trim()) is not { Success: true } request)
        {
            return null;
        }
        var requestLine = i + 1;
        expected ??= LeadingStatus().Match(title) is { Success: true } status
            ? int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

        var headers = new List<KeyValuePair<string, string>>();
        for (i++; i < end && lines[i].Trim().Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }
        var body = new List<string>();
        var variables = new List<KeyValuePair<string, string>>();
        for (; i < end; i++)
        {
            if (VariableLine().Match(lines[i]) is { Success: true } variable)
            {
                variables.Add(new(variable.Groups[1].Value, variable.Groups[2].Value.Trim()));
            }
            else if (variables.Count == 0 && !lines[i].TrimStart().StartsWith('#'))
            {
                body.Add(lines[i]);
            }
        }
        var text = string.Join('\n', body).Trim();
        return new HttpFileRequest(requestLine, title, name, expected, request.Groups[1].Value, request.Groups[2].Value,
            headers, text.Length == 0 ? null : text, variables);
    }

    private static IEnumerable<KeyValuePair<string, string>> VariablesIn(string[] lines, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (VariableLine().Match(lines[i]) is { Success: true } variable)
            {
                yield return new(variable.Groups[1].Value, variable.Groups[2].Value.Trim());
            }
        }
    }

    [GeneratedRegex(@"^@([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")]
    private static partial Regex VariableLine();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)(\s+HTTP/\S+)?$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^@name\s+(\S+)$")]
    private static partial Regex NameComment();

    [GeneratedRegex(@"^expect\s+([1-5][0-9][0-9])\b")]
    private static partial Regex ExpectComment();

    [GeneratedRegex(@"^(?:[A-Z]+[0-9]+\.\s+)?([45][0-9][0-9])\b")]
    private static partial Regex LeadingStatus();
}
