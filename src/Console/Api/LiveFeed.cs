using System.Net.Http.Headers;
using AfterSales.Console.Session;
using Microsoft.AspNetCore.Components.WebAssembly.Http;

namespace AfterSales.Console.Api;

/// <summary>Follows a Server-Sent Events stream of the API (<c>/api/live/…</c>) through fetch with the bearer token
/// (the browser's EventSource cannot send one) and calls back on each event; reconnects after a dropped stream.</summary>
internal sealed class LiveFeed(HttpClient http, ConsoleSession session)
{
    /// <summary>Calls <paramref name="onEvent"/> with each event's type (ready, case, heartbeat) and JSON data.</summary>
    public async Task FollowAsync(string path, Func<string, string, Task> onEvent, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                if (session.User?.AccessToken is { } token)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
                request.SetBrowserResponseStreamingEnabled(true);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation));
                string type = "message", data = "";
                while (await reader.ReadLineAsync(cancellation) is { } line)
                {
                    if (line.StartsWith("event:", StringComparison.Ordinal))
                    {
                        type = line[6..].Trim();
                    }
                    else if (line.StartsWith("data:", StringComparison.Ordinal))
                    {
                        data = line[5..].Trim();
                    }
                    else if (line.Length == 0 && data.Length > 0)
                    {
                        await onEvent(type, data);
                        (type, data) = ("message", "");
                    }
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // The server restarted or the network dropped: try again shortly.
            }
            await Task.Delay(TimeSpan.FromSeconds(2), cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
