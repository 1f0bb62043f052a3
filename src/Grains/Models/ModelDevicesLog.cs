using Microsoft.Extensions.Logging;

namespace AfterSales.Models;

/// <summary>Log events of the models' device indexes and the rollout of plan changes.</summary>
internal static partial class ModelDevicesLog
{
    [LoggerMessage(EventId = 9621, Level = LogLevel.Information, Message = "Model device shard {ShardKey}: plans version {Version} is rolled out to {Devices} devices")]
    public static partial void RolloutStarted(this ILogger logger, string shardKey, int version, int devices);

    [LoggerMessage(EventId = 9622, Level = LogLevel.Information, Message = "Model device shard {ShardKey}: every device was told of plans version {Version}")]
    public static partial void RolloutFinished(this ILogger logger, string shardKey, int version);

    [LoggerMessage(EventId = 9623, Level = LogLevel.Warning, Message = "Model device shard {ShardKey}: {Failed} devices could not be told of plans version {Version}; they catch up when they next activate, read their maintenance or fall due")]
    public static partial void DevicesMissed(this ILogger logger, Exception firstFailure, string shardKey, int failed, int version);

    [LoggerMessage(EventId = 9624, Level = LogLevel.Warning, Message = "Model device shard {ShardKey}: a rollout step failed; the reminder resumes it")]
    public static partial void RolloutStepFailed(this ILogger logger, Exception exception, string shardKey);

    [LoggerMessage(EventId = 9625, Level = LogLevel.Warning, Message = "Product model {Code}: telling its device shards of plans version {Version} failed; its reminder retries")]
    public static partial void AnnounceFailed(this ILogger logger, Exception exception, string code, int version);

    [LoggerMessage(EventId = 9626, Level = LogLevel.Warning, Message = "Device {Serial}: its model's device index could not record it; it tries again when it next follows its model")]
    public static partial void IndexJoinFailed(this ILogger logger, Exception exception, string serial);

    [LoggerMessage(EventId = 9627, Level = LogLevel.Information, Message = "Device {Serial} follows plans version {Version} of model {Model}: {Changes} occurrences changed")]
    public static partial void FollowedModelPlans(this ILogger logger, string serial, string model, int version, int changes);

    [LoggerMessage(EventId = 9628, Level = LogLevel.Warning, Message = "Device {Serial}: its owner's region could not be read; its days are UTC days until it is")]
    public static partial void RegionUnknown(this ILogger logger, Exception exception, string serial);

    [LoggerMessage(EventId = 9629, Level = LogLevel.Warning, Message = "Device {Serial}: its model's device index could not forget it; the index's rollouts tell it nothing it acts on")]
    public static partial void IndexLeaveFailed(this ILogger logger, Exception exception, string serial);

    [LoggerMessage(EventId = 9630, Level = LogLevel.Warning, Message = "Device {Serial}: following its model's plans on activation failed; it tries again before its next due occurrence or read")]
    public static partial void FollowFailed(this ILogger logger, Exception exception, string serial);
}
