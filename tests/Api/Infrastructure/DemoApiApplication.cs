using AfterSales.Api.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>The API with the demo data set on, as <c>dotnet run</c> starts it (embedded mode, seeding by default), on
/// the four standard regions.</summary>
public sealed class DemoApiApplication : ApiApplication
{
    public DemoApiApplication()
        : base(NewDataDirectory(), ownsDataDirectory: true)
    {
    }

    private DemoApiApplication(string dataDirectory)
        : base(dataDirectory, ownsDataDirectory: false)
    {
    }

    /// <summary>A second process on the same data, as after a restart.</summary>
    public static DemoApiApplication Restarted(string dataDirectory) => new(dataDirectory);

    protected override bool SpareRegions => false;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["AfterSales:Demo:Seed"] = "true" };

    /// <summary>Completes when the seeder has finished (seeded, or decided not to).</summary>
    internal Task SeededAsync() => Services.GetRequiredService<DemoSeeder>().Completion.WaitAsync(TimeSpan.FromSeconds(120));
}
