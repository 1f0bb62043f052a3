using Microsoft.Extensions.Logging;

namespace AfterSales.Maintenance.Scheduling;

internal static partial class MaintenanceSchedulerLog
{
    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Maintenance bucket {BucketKey} handed over {Acknowledged} of {Due} due entries in {ElapsedMs} ms; {Remaining} held")]
    public static partial void Ticked(this ILogger logger, string bucketKey, int acknowledged, int due, double elapsedMs, int remaining);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Warning, Message = "Maintenance bucket {BucketKey}: {Failed} hand-overs failed and are retried at the next reminder tick")]
    public static partial void HandOversFailed(this ILogger logger, Exception firstFailure, string bucketKey, int failed);

    [LoggerMessage(EventId = 9303, Level = LogLevel.Warning, Message = "Maintenance bucket {BucketKey} could not finish a tick; its timer tries again in a second and its reminder within a minute")]
    public static partial void TickFailed(this ILogger logger, Exception exception, string bucketKey);

    [LoggerMessage(EventId = 9304, Level = LogLevel.Debug, Message = "Maintenance bucket {BucketKey} is empty and dropped its reminder")]
    public static partial void Emptied(this ILogger logger, string bucketKey);
}
