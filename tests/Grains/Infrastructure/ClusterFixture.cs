using System.Globalization;
using AfterSales.CaseList;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Domain.Routing;
using AfterSales.Hosting;
using AfterSales.Models;
using AfterSales.Routing;
using AfterSales.Silo.Storage.Memory;
using AfterSales.Technicians;
using AfterSales.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// One two-silo in-process cluster shared by every grain test: memory grain storage under the production
/// provider name, in-memory reminders, the production grain registrations, and many regions so that every
/// test can route in a region of its own (department grains are shared by everything in a region).
/// </summary>
/// <remarks>
/// Time: the grains' <see cref="TimeProvider"/> is one <see cref="FakeTimeProvider"/> shared by both silos, so a
/// test moves time forward with <see cref="Clock"/> (relaxation, overflow waits, shift patterns) instead of
/// sleeping. Orleans' own clocks (messaging timeouts, membership, grain timers, reminders) stay on real time, so
/// timers that coalesce pushes or drain queues still fire by themselves.
/// </remarks>
public class ClusterFixture : IAsyncLifetime
{
    private readonly bool _grainTimersOnClock;

    public ClusterFixture()
        : this(grainTimersOnClock: false)
    {
    }

    /// <param name="grainTimersOnClock">Grain timers run on <see cref="Clock"/> too (see <see cref="TimedClusterFixture"/>).</param>
    protected ClusterFixture(bool grainTimersOnClock) => _grainTimersOnClock = grainTimersOnClock;

    public const int RegionCount = 360;

    private const string InnerStorage = "memory";

    /// <summary>The last regions read shift patterns in Europe/Berlin; the others in UTC.</summary>
    public const int BerlinRegionCount = 10;

    public const string BerlinZone = "Europe/Berlin";

    /// <summary>A queue this long overflows to neighbours (when the test gave its region some).</summary>
    public const int OverflowQueueLength = 3;

    public static readonly TimeSpan OverflowOldestWait = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan RelaxationDelay = TimeSpan.FromMinutes(10);

    /// <summary>How long idempotency keys answer replays here (shorter than the default, so tests move the clock less).</summary>
    public static readonly TimeSpan IdempotencyRetention = TimeSpan.FromHours(2);

    public static readonly TimeSpan IdempotencyExpiryWindow = TimeSpan.FromMinutes(15);

    /// <summary>How long surveys take a response here (shorter than the default, so tests move the clock less).</summary>
    public static readonly TimeSpan SurveyExpiry = TimeSpan.FromHours(3);

    /// <summary>Attempts per webhook event before it is dead-lettered here.</summary>
    public const int WebhookMaxAttempts = 3;

    /// <summary>The nominal wait after a webhook delivery's first failure, on <see cref="Clock"/>.</summary>
    public static readonly TimeSpan WebhookRetryBaseDelay = TimeSpan.FromSeconds(10);

    /// <summary>Regions whose every department is split into 2–4 shards (configured at start).</summary>
    public const int ShardedRegionCount = 24;

    /// <summary>Every configured region, plain and sharded.</summary>
    public const int TotalRegionCount = RegionCount + ShardedRegionCount;

    private int _regionsTaken;
    private int _shardedRegionsTaken;
    private int _berlinRegionsTaken;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>Grain state, rows and events of both silos (one store, so a grain reads what it wrote wherever it
    /// activates).</summary>
    public MemoryGrainData Storage { get; } = new();

    /// <summary>The case list of both silos.</summary>
    public MemoryCaseListStore CaseList => field ??= new MemoryCaseListStore(Storage);

    /// <summary>Case-event publishes the tests make lost (see <see cref="FeedDrops"/>).</summary>
    public FeedDrops FeedDrops { get; } = new();

    /// <summary>Grain writes the tests make fail.</summary>
    public StorageFaults Faults { get; } = new();

    /// <summary>Every offer a technician accepted in this cluster, as it happened.</summary>
    public AssignmentLog Assignments { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>One-way messages a test wants lost on arrival (see <see cref="MessageDrops"/>).</summary>
    public MessageDrops Drops { get; } = new();

    /// <summary>Barriers on calls the grains handle (see <see cref="CallWatch"/>).</summary>
    public CallWatch Calls { get; } = new();

    /// <summary>Devices whose maintenance hand-overs the tests answer themselves (see <see cref="MaintenanceInbox"/>).</summary>
    public MaintenanceInbox Maintenance { get; } = new();

    /// <summary>The one-way messages in flight anywhere in the cluster (see <see cref="OneWayMessages"/>).</summary>
    public OneWayMessages OneWay { get; } = new();

    /// <summary>The webhook receivers of both silos (see <see cref="WebhookInbox"/>).</summary>
    public WebhookInbox Webhooks { get; } = new();

    /// <summary>The grains' clock, shared by both silos; starts at the real time the cluster starts.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A region no other test uses, so departments start empty (shift patterns read in UTC).</summary>
    public string NewRegion()
    {
        var n = Interlocked.Increment(ref _regionsTaken);
        if (n > RegionCount - BerlinRegionCount)
        {
            throw new InvalidOperationException($"All test regions are taken; raise ClusterFixture.RegionCount.");
        }
        return Region(n);
    }

    /// <summary>A region no other test uses whose departments are sharded (2, 3 or 4 shards, see <see cref="Shards"/>).</summary>
    public string NewShardedRegion()
    {
        var n = Interlocked.Increment(ref _shardedRegionsTaken);
        if (n > ShardedRegionCount)
        {
            throw new InvalidOperationException("All sharded test regions are taken; raise ClusterFixture.ShardedRegionCount.");
        }
        return ShardedRegion(n);
    }

    /// <summary>The shard counts the silos were configured with.</summary>
    internal ShardCounts Shards => Cluster.Silos[0].SiloHost.Services.GetRequiredService<ShardCounts>();

    /// <summary>A region no other test uses whose shift patterns are read in <see cref="BerlinZone"/>.</summary>
    public string NewBerlinRegion()
    {
        var n = Interlocked.Increment(ref _berlinRegionsTaken);
        if (n > BerlinRegionCount)
        {
            throw new InvalidOperationException("All Berlin test regions are taken; raise ClusterFixture.BerlinRegionCount.");
        }
        return Region(RegionCount - BerlinRegionCount + n);
    }

    /// <summary>Makes every silo re-read the routing policy now (a change is otherwise seen within the refresh
    /// interval, which is measured on the test's clock).</summary>
    public async Task RefreshPoliciesAsync()
    {
        var version = (await Grains.GetGrain<IRoutingPolicyGrain>(GrainKeys.RoutingPolicy).GetAsync()).Version;
        foreach (var silo in Cluster.Silos)
        {
            var cache = silo.SiloHost.Services.GetRequiredService<RoutingPolicyCache>();
            // A refresh joins a fetch already under way, which may have read the policy before the change: repeat.
            while ((await cache.RefreshAsync()).Version < version)
            {
            }
        }
    }

    /// <summary>Settles what technicians and departments left moving, without the clock. Each round, every grain runs the
    /// work it has scheduled for a timer turn of its own (<see cref="IPendingWork"/>: a technician's push, a department's
    /// drain or sibling ask), and the one-way messages in flight arrive: the work the grains would do by themselves a
    /// moment later, and no more. A round in which nothing was scheduled and no message was sent leaves nothing to move.
    /// Returns the rounds it took, or null when work was still scheduled after <paramref name="maxRounds"/>.</summary>
    public async Task<int?> SettleScheduledAsync(IEnumerable<string> technicianIds, IEnumerable<string> departmentKeys, int maxRounds = 50)
    {
        var scheduled = technicianIds.Select(id => Grains.GetGrain<ITechnicianGrain>(id).AsReference<IPendingWork>())
            .Concat(departmentKeys.Select(key => Grains.GetGrain<IDepartmentGrain>(key).AsReference<IPendingWork>()))
            .ToArray();
        for (var round = 1; round <= maxRounds; round++)
        {
            var sent = OneWay.Sent;
            var ran = false;
            foreach (var grain in scheduled)
            {
                ran |= await grain.RunPendingAsync();
                await OneWay.Idle();
            }
            if (!ran && OneWay.Sent == sent)
            {
                return round;
            }
        }
        return null;
    }

    /// <summary>Makes every silo re-read a product model now (a change is otherwise seen on other silos within the
    /// model refresh interval).</summary>
    public async Task RefreshModelAsync(string code)
    {
        var version = (await Grains.GetGrain<IProductModelGrain>(code).GetAsync())?.Version ?? 0;
        foreach (var silo in Cluster.Silos)
        {
            var cache = silo.SiloHost.Services.GetRequiredService<ProductModelCache>();
            // A refresh joins a fetch already under way, which may have read the model before the change: repeat.
            while (((await cache.RefreshAsync(code))?.Version ?? 0) < version)
            {
            }
        }
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(Settings());
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.AddSingleton(Drops);
            host.Services.AddSingleton(Calls);
            host.Services.AddSingleton(OneWay);
            host.Services.AddSingleton(Maintenance);
            // Orleans resolves its clocks per area; keep every area (grain timers included, unless asked) on real time.
            host.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            if (!_grainTimersOnClock)
            {
                host.Services.AddKeyedSingleton(TimeProviderNames.Grains, TimeProvider.System);
            }
            host.Services.AddAfterSalesGrains(host.Configuration);
            host.Services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(Webhooks.Handler);
            host.Services.AddSingleton(FeedDrops);
            host.Services.Replace(ServiceDescriptor.Singleton<ICaseFeed, DroppingCaseFeed>());
            host.Services.AddSingleton(Assignments);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStore(InnerStorage, Storage);
            silo.Services.AddGrainStorage(StorageNames.Main, (provider, _) =>
                new FaultyGrainStorage(provider.GetRequiredKeyedService<IGrainStorage>(InnerStorage), Faults));
            silo.UseInMemoryReminderService();
            silo.AddCaseFeed();
            silo.Services.AddSingleton<ICaseListStore>(CaseList);
            silo.AddIncomingGrainCallFilter<AssignmentAudit>();
            // Before the drop filter: a message lost on purpose is no longer in flight.
            silo.AddIncomingGrainCallFilter<OneWayReceiveFilter>();
            silo.AddOutgoingGrainCallFilter<OneWaySendFilter>();
            silo.AddOutgoingGrainCallFilter<MaintenanceInboxFilter>();
            silo.AddIncomingGrainCallFilter<MessageDropFilter>();
            // After the drop filter: only a call that reached its grain counts as handled.
            silo.AddIncomingGrainCallFilter<CallWatchFilter>();
        });
        builder.ConfigureClient(client =>
        {
            client.Services.AddSingleton(OneWay);
            client.AddOutgoingGrainCallFilter<OneWaySendFilter>();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Settings()
    {
        var section = AfterSalesOptions.SectionName;
        var settings = new Dictionary<string, string?>
        {
            [$"{section}:CaseNumberPrefix"] = "AS",
            [$"{RoutingOptions.SectionName}:OverflowQueueLength"] = OverflowQueueLength.ToString(CultureInfo.InvariantCulture),
            [$"{RoutingOptions.SectionName}:OverflowOldestWait"] = OverflowOldestWait.ToString("c", CultureInfo.InvariantCulture),
            [$"{RoutingOptions.SectionName}:RelaxationDelay"] = RelaxationDelay.ToString("c", CultureInfo.InvariantCulture),
            [$"{IdempotencyOptions.SectionName}:Retention"] = IdempotencyRetention.ToString("c", CultureInfo.InvariantCulture),
            [$"{IdempotencyOptions.SectionName}:ExpiryWindow"] = IdempotencyExpiryWindow.ToString("c", CultureInfo.InvariantCulture),
            [$"{SurveyOptions.SectionName}:Expiry"] = SurveyExpiry.ToString("c", CultureInfo.InvariantCulture),
            [$"{WebhookOptions.SectionName}:MaxAttempts"] = WebhookMaxAttempts.ToString(CultureInfo.InvariantCulture),
            [$"{WebhookOptions.SectionName}:RetryBaseDelay"] = WebhookRetryBaseDelay.ToString("c", CultureInfo.InvariantCulture),
            [$"{WebhookOptions.SectionName}:RetryMaxDelay"] = "00:01:00",
            [$"{WebhookOptions.SectionName}:PollInterval"] = "00:00:00.1",
        };
        for (var i = 1; i <= RegionCount; i++)
        {
            settings[$"{section}:Regions:{i - 1}"] = Region(i);
        }
        for (var i = RegionCount - BerlinRegionCount + 1; i <= RegionCount; i++)
        {
            settings[$"{section}:RegionTimeZones:{Region(i)}"] = BerlinZone;
        }
        var regions = RegionCount;
        var entry = 0;
        for (var i = 1; i <= ShardedRegionCount; i++)
        {
            settings[$"{section}:Regions:{regions + i - 1}"] = ShardedRegion(i);
            foreach (var department in DepartmentNames.All)
            {
                settings[$"{RoutingOptions.SectionName}:Shards:{entry}:Department"] = DepartmentNames.ToSlug(department);
                settings[$"{RoutingOptions.SectionName}:Shards:{entry}:Region"] = ShardedRegion(i);
                settings[$"{RoutingOptions.SectionName}:Shards:{entry}:Count"] = (2 + (i % 3)).ToString(CultureInfo.InvariantCulture);
                entry++;
            }
        }
        return settings;
    }

    private static string ShardedRegion(int n) => string.Create(CultureInfo.InvariantCulture, $"s{n:D3}");

    private static string Region(int n) => string.Create(CultureInfo.InvariantCulture, $"r{n:D3}");
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
