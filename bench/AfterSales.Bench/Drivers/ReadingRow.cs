namespace AfterSales.Bench.Drivers;

/// <summary>One row of a readings batch: a counter or gauge value of one device's meter at a time.</summary>
internal sealed record ReadingRow(string Serial, string Meter, double Value, DateTimeOffset At);
