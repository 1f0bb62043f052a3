using System.Text.Json;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>Reads a Server-Sent Events response one event at a time (event type and JSON data).</summary>
public sealed class SseReader(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public static async Task<SseReader> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event, or a failed assertion when none arrives before the deadline.</summary>
    public async Task<(string Type, JsonElement Data)> NextAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        string? type = null;
        string? data = null;
        try
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0 && data is not null)
                {
                    return (type ?? "message", JsonDocument.Parse(data).RootElement.Clone());
                }
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data = line[5..].Trim();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        Assert.Fail($"No event within {deadline.TotalSeconds} s");
        return default;
    }

    /// <summary>Skips events until one of <paramref name="type"/> that <paramref name="matches"/>.</summary>
    public async Task<JsonElement> NextAsync(string type, Func<JsonElement, bool> matches, TimeSpan deadline)
    {
        var end = DateTime.UtcNow + deadline;
        while (true)
        {
            var left = end - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"No '{type}' event that matches within {deadline.TotalSeconds} s");
            var (actual, data) = await NextAsync(left);
            if (actual == type && matches(data))
            {
                return data;
            }
        }
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
