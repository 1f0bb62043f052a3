namespace AfterSales.Api.Access;

/// <summary>Log events of authentication and access (EventIds 9950–9959). Never a token or a key: at most a key's id.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 9950, Level = LogLevel.Information, Message = "A request came with an X-Api-Key that is not configured; answered 401")]
    public static partial void ApiKeyRejected(ILogger logger);

    [LoggerMessage(EventId = 9951, Level = LogLevel.Information, Message = "A bearer token was refused: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 9952, Level = LogLevel.Warning, Message = "Development tokens are on ({Why}); their key is {KeyPath}. Never expose this process as production")]
    public static partial void DevelopmentTokensOn(ILogger logger, string why, string keyPath);

    [LoggerMessage(EventId = 9953, Level = LogLevel.Information, Message = "Rate limit reached for a {PartitionKind} partition; answered 429")]
    public static partial void RateLimited(ILogger logger, string partitionKind);
}
