using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AfterSales.Tests.Api.Infrastructure.HttpFiles;

/// <summary>Sends the requests of an <c>.http</c> file in order against a running API, resolving placeholders as the
/// editors do: file variables (lazily, so a variable may read a response that arrives later), named responses
/// (<c>{{name.response.body.$.a.b[0]}}</c>, <c>{{name.response.headers.ETag}}</c>) and <c>{{$datetime iso8601}}</c>.</summary>
public sealed partial class HttpFileRunner(HttpClient client, string baseAddress, TimeProvider time)
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (JsonElement? Body, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders)> _responses =
        new(StringComparer.Ordinal);

    public void Define(IEnumerable<KeyValuePair<string, string>> variables)
    {
        foreach (var (name, value) in variables)
        {
            _variables[name] = value;
        }
    }

    /// <summary>Sends one request; returns its status and body text. Throws when a placeholder cannot be resolved.</summary>
    public async Task<(int Status, string Body)> SendAsync(HttpFileRequest request)
    {
        // Variables are resolved when used, so a block's variables (read from its own answer) can be defined now.
        Define(request.Variables);
        var url = Resolve(request.Url, request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
        string? contentType = null;
        foreach (var (header, value) in request.Headers)
        {
            if (header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                message.Headers.TryAddWithoutValidation(header, Resolve(value, request));
            }
        }
        if (request.Body is { } body)
        {
            message.Content = new StringContent(Resolve(body, request), Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "text/plain");
        }
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        // An event stream stays open as an editor shows it: its answer is its status; the events have tests of their own.
        var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync();
        if (request.Name is { } name)
        {
            JsonElement? json = null;
            if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0)
            {
                using var document = JsonDocument.Parse(text);
                json = document.RootElement.Clone();
            }
            _responses[name] = (json, response.Headers, response.Content.Headers);
        }
        return ((int)response.StatusCode, text);
    }

    /// <summary>Sends a read again while a variable its block defines from its own answer is still null or names an
    /// element the answer does not have yet (a list still empty), for at most
    /// <paramref name="patience"/>: what a person sees who runs the next request a moment later, where the file reads
    /// an effect that follows the previous request asynchronously (a detected problem linking its children, a maintenance
    /// occurrence the scheduler has yet to fire).</summary>
    public async Task<(int Status, string Body)> SendUntilDefinedAsync(HttpFileRequest request, TimeSpan patience)
    {
        var deadline = time.GetUtcNow() + patience;
        while (true)
        {
            var answer = await SendAsync(request);
            var pending = request.Method == "GET" && request.Name is { } name && request.Variables.Any(v =>
                v.Value.Contains("{{" + name + ".response.body", StringComparison.Ordinal) && !IsDefined(v.Value, request));
            if (!pending || time.GetUtcNow() >= deadline)
            {
                return answer;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Whether a variable read from an answer has a value yet: a null, or an element the answer does not have
    /// yet (a list still empty), is something that appears a moment later, so the request is sent again.</summary>
    private bool IsDefined(string text, HttpFileRequest request)
    {
        try
        {
            return Resolve(text, request) != "null";
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private string Resolve(string text, HttpFileRequest request, int depth = 0) =>
        depth > 10
            ? throw new InvalidOperationException($"Line {request.Line}: placeholders nest too deep in '{text}'.")
            : Placeholder().Replace(text, match => Resolve(Value(match.Groups[1].Value.Trim(), request), request, depth + 1));

    private string Value(string expression, HttpFileRequest request)
    {
        if (expression.StartsWith("$datetime", StringComparison.Ordinal))
        {
            return time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }
        if (_variables.TryGetValue(expression, out var value))
        {
            return expression == "host" ? baseAddress : value;
        }
        var parts = expression.Split('.', 4);
        if (parts.Length >= 3 && parts[1] == "response" && _responses.TryGetValue(parts[0], out var response))
        {
            if (parts[2] == "headers" && parts.Length == 4)
            {
                return response.Headers.TryGetValues(parts[3], out var values) || response.ContentHeaders?.TryGetValues(parts[3], out values) == true
                    ? values!.First()
                    : throw new InvalidOperationException($"Line {request.Line}: response '{parts[0]}' has no header {parts[3]}.");
            }
            if (parts[2] == "body" && parts.Length == 4 && response.Body is { } body && parts[3].StartsWith('$'))
            {
                return Select(body, parts[3], request);
            }
        }
        throw new InvalidOperationException($"Line {request.Line}: '{{{{{expression}}}}}' does not resolve (undefined, or the named request has not run).");
    }

    private static string Select(JsonElement element, string path, HttpFileRequest request)
    {
        foreach (Match step in PathStep().Matches(path[1..]))
        {
            element = step.Groups[1].Success
                ? element.ValueKind == JsonValueKind.Object && element.TryGetProperty(step.Groups[1].Value, out var property)
                    ? property
                    : throw new InvalidOperationException($"Line {request.Line}: no '{step.Groups[1].Value}' in {path}.")
                : element.ValueKind == JsonValueKind.Array && int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture) is var index
                    && index < element.GetArrayLength()
                    ? element[index]
                    : throw new InvalidOperationException($"Line {request.Line}: no element {step.Groups[2].Value} in {path}.");
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
    }

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]")]
    private static partial Regex PathStep();
}
