namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>A test that needs a real PostgreSQL server: skipped, saying why, when
/// <c>AFTERSALES_TEST_POSTGRES</c> is not set (CI sets it; <c>.ci/run</c> starts the server).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "AFTERSALES_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"No PostgreSQL configured: set {Variable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=aftersales_test) to run this test.";
        }
    }
}
