using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace AfterSales.Faults.Processes;

/// <summary>Waiting for started processes: an API until <c>/health/ready</c> answers 200, a silo until the membership
/// table lists it with a given status.</summary>
public static class Readiness
{
    /// <summary>Orleans' <c>SiloStatus</c> values as stored in the membership table.</summary>
    public const int Active = 3;
    public const int Dead = 6;

    public static async Task WaitForApiAsync(ChildProcess process, Uri baseAddress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(3) };
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited before it was ready:\n{process.LogTail()}");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = ex.GetType().Name;
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"{process.Name} was not ready within {timeout.TotalSeconds:0} s (last: {last}):\n{process.LogTail()}");
    }

    /// <summary>The silo's status in the membership table (its newest generation on that port), or null when it is not
    /// listed or the database cannot be read.</summary>
    public static async Task<int?> SiloStatusAsync(string connectionString, string clusterId, int siloPort, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT status FROM membership WHERE deployment_id = @cluster AND port = @port ORDER BY generation DESC LIMIT 1", connection);
            command.Parameters.AddWithValue("cluster", clusterId);
            command.Parameters.AddWithValue("port", siloPort);
            return await command.ExecuteScalarAsync(cancellationToken) is int status ? status : null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // No table yet (the first silo migrates it) or the server is down.
            return null;
        }
    }

    /// <summary>Polls until the silo has <paramref name="status"/>; returns how long that took.</summary>
    public static async Task<TimeSpan> WaitForSiloAsync(
        string connectionString, string clusterId, int siloPort, int status, ChildProcess? process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await SiloStatusAsync(connectionString, clusterId, siloPort, cancellationToken) == status)
            {
                return clock.Elapsed;
            }
            if (process is { HasExited: true } && status != Dead)
            {
                throw new InvalidOperationException($"{process.Name} exited before it reached status {status}:\n{process.LogTail()}");
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"Silo on port {siloPort} did not reach status {status} within {timeout.TotalSeconds:0} s." +
            (process is null ? "" : "\n" + process.LogTail()));
    }
}
