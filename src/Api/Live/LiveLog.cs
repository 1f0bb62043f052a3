namespace AfterSales.Api.Live;

internal static partial class LiveLog
{
    [LoggerMessage(EventId = 9990, Level = LogLevel.Warning, Message = "Live views: renewing the subscriptions to the case changes failed ({Views} views open); the next renewal tries again")]
    public static partial void RenewalFailed(this ILogger logger, Exception exception, int views);
}
