namespace AfterSales.Bench.Drivers;

/// <summary>What the readings scenario needs beyond <see cref="IBenchTarget"/>: a metered model, devices, and the
/// batch endpoint (in-process: the same grouping by device and the same device calls as the API's handler).</summary>
internal interface IReadingsTarget
{
    /// <summary>Defines a model with an <c>operatingHours</c> counter and a <c>bearingTemp</c> gauge read by a
    /// condition rule (mean of the last 5 above 1,000, so it is evaluated on every reading and never raises).</summary>
    Task<CallResult> DefineMeteredModelAsync(string code, CancellationToken cancellationToken);

    Task<CallResult> RegisterDeviceAsync(string serial, string model, string customerId, CancellationToken cancellationToken);

    /// <summary>Sends one batch; the value is the number of rows applied.</summary>
    Task<CallResult<int>> RecordBatchAsync(IReadOnlyList<ReadingRow> rows, CancellationToken cancellationToken);
}
