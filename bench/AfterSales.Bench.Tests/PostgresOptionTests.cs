using AfterSales.Bench.Options;

namespace AfterSales.Bench.Tests;

public sealed class PostgresOptionTests
{
    private const string Url = "http://127.0.0.1:8080";

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Database=aftersales;Username=postgres;Password=postgres")]
    [InlineData("Host=localhost;Database=aftersales")]
    [InlineData("Host=::1;Database=aftersales")]
    [InlineData("Host=/var/run/postgresql;Database=aftersales")]
    public void ALoopbackDatabaseBehindARunningApiIsAccepted(string connection)
    {
        var (options, error) = OptionsParser.Parse(["--mode", "http", "--url", Url, "--postgres", connection, "--rate", "500"]);

        Assert.Null(error);
        Assert.Equal("aftersales", new Npgsql.NpgsqlConnectionStringBuilder(options!.Postgres).Database);
        Assert.Equal((false, 500d), (options.SelfHost, options.Rate));
    }

    [Fact]
    public void WithoutTheOptionARunningInstanceHasNoDatabase()
    {
        Assert.Null(OptionsParser.Parse(["--url", Url]).Options!.Postgres);
    }

    [Theory]
    [InlineData("Host=10.0.0.5;Database=aftersales", "not a loopback address")]
    [InlineData("Host=127.0.0.1,db.example.com;Database=aftersales", "not a loopback address")]
    [InlineData("Host=127.0.0.1", "give Host and Database")]
    [InlineData("Hots=127.0.0.1;Database=aftersales", "not an Npgsql connection string")]
    public void ARemoteOrIncompleteConnectionStringIsRefused(string connection, string message)
    {
        var (options, error) = OptionsParser.Parse(["--url", Url, "--postgres", connection]);

        Assert.Null(options);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mode", "http")]
    [InlineData("--mode", "inproc")]
    public void TheDatabaseIsOnlyForARunningApi(string option, string value)
    {
        var (options, error) = OptionsParser.Parse([option, value, "--postgres", "Host=127.0.0.1;Database=aftersales"]);

        Assert.Null(options);
        Assert.Equal("--postgres is for --mode http --url URL: the database of the cluster behind that API.", error);
    }
}
