using System.Net;
using System.Text.Json;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>Asserts that an answer is an RFC 9457 problem with the expected status and a message for a field.</summary>
public static class Problem
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.True(problem.TryGetProperty("errors", out var errors), $"No errors map: {body}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No message for '{field}': {body}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        return problem;
    }

    /// <summary>The messages for one field.</summary>
    public static IReadOnlyList<string> Messages(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!)];
}
