namespace AfterSales.Tests.Faults.Infrastructure;

/// <summary>A test on the PostgreSQL server named by <c>AFTERSALES_TEST_POSTGRES</c> (a scratch database per test);
/// skipped, saying why, when it is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "AFTERSALES_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Server))
        {
            Skip = $"No PostgreSQL configured: set {Variable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres).";
        }
    }

    public static string? Server => Environment.GetEnvironmentVariable(Variable);
}

/// <summary>A test that runs a PostgreSQL server of its own (it stops and starts it); skipped when PostgreSQL's
/// programs are not installed.</summary>
public sealed class PrivatePostgresFactAttribute : FactAttribute
{
    public PrivatePostgresFactAttribute()
    {
        if (AfterSales.Faults.Processes.PrivatePostgres.FindPrograms(out var reason) is null)
        {
            Skip = reason;
        }
    }
}
