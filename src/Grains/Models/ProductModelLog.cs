using Microsoft.Extensions.Logging;

namespace AfterSales.Models;

/// <summary>Log events of the product-model catalogue.</summary>
internal static partial class ProductModelLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Product model {Code} defined at version {Version}")]
    public static partial void ModelDefined(this ILogger logger, string code, int version);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Solution {SolutionId} added to fault code {FaultCode} of product model {Code}")]
    public static partial void SolutionAdded(this ILogger logger, string code, string faultCode, string solutionId);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Listing product model {Code} in the catalogue failed; it is retried on the model's next activation or change")]
    public static partial void ListingFailed(this ILogger logger, Exception exception, string code);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Refreshing product model {Code} failed; the silo keeps version {Version}")]
    public static partial void ModelRefreshFailed(this ILogger logger, Exception exception, string code, int version);
}
