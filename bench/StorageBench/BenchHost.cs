using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AfterSales.Silo.Hosting;
using AfterSales.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Storage;

namespace AfterSales.Bench.Storage;

/// <summary>A silo host started through the project's entry point, in embedded mode on a temp SQLite file or in
/// cluster mode on a throw-away PostgreSQL database (created on the server named by
/// <c>AFTERSALES_BENCH_POSTGRES</c>, dropped afterwards), so the bench measures the storage the product registers.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string PostgresVariable = "AFTERSALES_BENCH_POSTGRES";

    private readonly IHost _host;
    private readonly Func<Task> _cleanUp;

    private BenchHost(IHost host, Func<Task> cleanUp)
    {
        _host = host;
        _cleanUp = cleanUp;
    }

    public IGrainStorage Storage => _host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);

    public IGrainStorageSerializer Serializer => _host.Services.GetRequiredService<IGrainStorageSerializer>();

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static async Task<BenchHost> StartAsync(StorageTarget target, SqliteSynchronousMode synchronous)
    {
        var serviceId = $"bench-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>
        {
            ["AfterSales:Hosting:SiloPort"] = FreePort(),
            ["AfterSales:Hosting:GatewayPort"] = FreePort(),
            ["AfterSales:Hosting:ClusterId"] = serviceId,
            ["AfterSales:Hosting:ServiceId"] = serviceId,
        };
        Func<Task> cleanUp;
        if (target == StorageTarget.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("aftersales-bench-");
            settings["AfterSales:Hosting:DataDirectory"] = directory.FullName;
            settings["AfterSales:Hosting:SqliteSynchronous"] = synchronous.ToString();
            cleanUp = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                directory.Delete(recursive: true);
                return Task.CompletedTask;
            };
        }
        else
        {
            var server = PostgresServer ?? throw new InvalidOperationException($"Set {PostgresVariable} to measure PostgreSQL.");
            var database = $"aftersales_bench_{Guid.NewGuid():N}";
            var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
            await ExecuteAsync(admin, $"CREATE DATABASE {database}");
            settings["AfterSales:Hosting:Mode"] = "Cluster";
            settings["AfterSales:Hosting:AdvertisedAddress"] = "127.0.0.1";
            settings["ConnectionStrings:AfterSales"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
            cleanUp = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            };
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddAfterSalesOrleans();
        var host = builder.Build();
        await host.StartAsync();
        return new BenchHost(host, cleanUp);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _cleanUp();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
