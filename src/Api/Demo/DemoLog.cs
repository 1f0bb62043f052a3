namespace AfterSales.Api.Demo;

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 9991, Level = LogLevel.Information, Message = "Demo data: seeded {Customers} customers, {Technicians} technicians and {Cases} cases through the API")]
    public static partial void Seeded(this ILogger logger, int customers, int technicians, int cases);

    [LoggerMessage(EventId = 9992, Level = LogLevel.Information, Message = "Demo data: not seeded ({Reason})")]
    public static partial void Skipped(this ILogger logger, string reason);

    [LoggerMessage(EventId = 9993, Level = LogLevel.Warning, Message = "Demo data: seeding failed; the next start tries again")]
    public static partial void Failed(this ILogger logger, Exception exception);
}
