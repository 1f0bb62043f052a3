namespace AfterSales.Tests.Faults.Infrastructure;

/// <summary>A folder for one test's process logs; kept when <c>AFTERSALES_FAULTS_KEEP_LOGS</c> is set, else deleted.</summary>
internal sealed class LogFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aftersales-faults-logs-").FullName;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("AFTERSALES_FAULTS_KEEP_LOGS") is { Length: > 0 })
        {
            return;
        }
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
