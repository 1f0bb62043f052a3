namespace AfterSales.Bench;

/// <summary>A reason the bench cannot run (bad option, target not reachable, seeding refused): printed
/// as one message, without a stack trace.</summary>
internal sealed class BenchException : Exception
{
    public BenchException()
    {
    }

    public BenchException(string message) : base(message)
    {
    }

    public BenchException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
