using Microsoft.Extensions.Logging;

namespace AfterSales.CaseList;

/// <summary>Log events of the case feed and the case list.</summary>
internal static partial class CaseFeedLog
{
    [LoggerMessage(EventId = 9761, Level = LogLevel.Warning, Message = "Publishing events of case {CaseNumber} up to {Sequence} failed; the case list catches up from the journal")]
    public static partial void PublishFailed(this ILogger logger, Exception exception, string caseNumber, long sequence);

    [LoggerMessage(EventId = 9762, Level = LogLevel.Warning, Message = "Case feed {Partition}: applying events failed; it catches up from its checkpoint {Checkpoint}")]
    public static partial void ApplyFailed(this ILogger logger, Exception exception, string partition, long checkpoint);

    [LoggerMessage(EventId = 9763, Level = LogLevel.Information, Message = "Case feed {Partition}: reset; replaying the journal from the start")]
    public static partial void PartitionReset(this ILogger logger, string partition);

    [LoggerMessage(EventId = 9764, Level = LogLevel.Debug, Message = "Case feed {Partition}: filled {Count} missing events of case {CaseNumber} from the journal")]
    public static partial void GapFilled(this ILogger logger, string partition, int count, string caseNumber);

    [LoggerMessage(EventId = 9765, Level = LogLevel.Information, Message = "Case list rebuild started at journal head {Head}")]
    public static partial void RebuildStarted(this ILogger logger, long head);

    [LoggerMessage(EventId = 9766, Level = LogLevel.Warning, Message = "Case feed reader: catching up from {Checkpoint} failed; the next tick tries again")]
    public static partial void ReaderFailed(this ILogger logger, Exception exception, long checkpoint);
}
