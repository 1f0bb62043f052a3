using System.Globalization;
using AfterSales.Bench.Drivers;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Domain;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// The customers and technicians a run seeds and the stream of cases it creates, all derived from a run tag
/// (unique per run, so runs against a long-lived instance never collide) and a seed (so the case mix repeats).
/// Customers are spread evenly over the regions; technicians round-robin over every department × region pool
/// with equal capacity; cases cover every type callers open without more set-up (not installations, which need a
/// shipped device and a window; not problems, which problem detection opens), every priority and channel.
/// </summary>
internal sealed class Population
{
    // Installation work orders need a shipped device and a window agreed with the customer (shipments open them), and
    // problems are opened by problem detection: the generated stream holds the other four types.
    private static readonly CaseType[] Types =
        [.. Enum.GetValues<CaseType>().Where(type => type is not (CaseType.Installation or CaseType.Problem))];
    private static readonly CaseChannel[] Channels = Enum.GetValues<CaseChannel>();
    // Roughly what a service desk sees: mostly normal, a few urgent.
    private static readonly CasePriority[] Priorities =
        [CasePriority.Normal, CasePriority.Normal, CasePriority.Normal, CasePriority.Normal, CasePriority.Normal,
         CasePriority.High, CasePriority.High, CasePriority.Low, CasePriority.Low, CasePriority.Urgent];

    private readonly ulong _seed;
    private readonly Dictionary<string, string> _regionOfCustomer;

    public Population(string runTag, int seed, IReadOnlyList<string> regions, int customers, int technicians, int capacity)
    {
        RunTag = runTag;
        Regions = regions;
        _seed = (ulong)seed;
        var phoneBase = (long)(Mix((ulong)runTag.GetHashCode(StringComparison.Ordinal) ^ _seed) % 90_000_000UL);
        Customers = [.. Enumerable.Range(0, customers).Select(i => new CustomerSeed(
            Id: $"C-{runTag}-{i:D6}",
            Name: $"Bench Customer {i}",
            Phone: $"+86139{(phoneBase + i) % 100_000_000:D8}",
            Email: $"c{i}.{runTag}@bench.example.com",
            Region: regions[i % regions.Count],
            Tier: (CustomerTier)(i % 3),
            Language: i % 2 == 0 ? "zh-CN" : "en"))];
        _regionOfCustomer = Customers.ToDictionary(c => c.Id, c => c.Region, StringComparer.Ordinal);

        var pools = DepartmentNames.All.Count * regions.Count;
        Technicians = [.. Enumerable.Range(0, technicians).Select(i =>
        {
            var pool = i % pools;
            return new TechnicianSeed(
                Id: $"T-{runTag}-{i:D5}",
                Name: $"Bench Technician {i}",
                Department: DepartmentNames.All[pool % DepartmentNames.All.Count],
                Region: regions[pool / DepartmentNames.All.Count],
                Skill: "general",
                SkillLevel: 3,
                Capacity: capacity);
        })];
    }

    /// <summary>A short id unique to this run, part of every seeded id.</summary>
    public string RunTag { get; }

    public IReadOnlyList<string> Regions { get; }

    public IReadOnlyList<CustomerSeed> Customers { get; }

    public IReadOnlyList<TechnicianSeed> Technicians { get; }

    /// <summary>
    /// How many cases the roster can hold before its fullest pool reaches <paramref name="fill"/> of its capacity,
    /// for this case mix (every generated type equally likely, customers spread evenly over the regions) and the grains'
    /// default capacity weights. Zero when some pool that receives cases has no technician.
    /// </summary>
    public long CaseCapacity(double fill)
    {
        var budget = double.MaxValue;
        foreach (var department in DepartmentNames.All)
        {
            // Capacity units one case brings to each region's pool of this department, on average.
            var unitsPerCase = Types.Where(t => Triage.DepartmentFor(t) == department).Sum(t => (double)Triage.WeightOf(t))
                / Types.Length / Regions.Count;
            if (unitsPerCase == 0)
            {
                continue;
            }
            foreach (var region in Regions)
            {
                var units = Technicians.Where(t => t.Department == department && t.Region == region).Sum(t => (double)t.Capacity);
                budget = Math.Min(budget, fill * units / unitsPerCase);
            }
        }
        return budget == double.MaxValue ? long.MaxValue : (long)budget;
    }

    /// <summary>The case for operation <paramref name="sequence"/>: same seed and sequence, same case. With
    /// <paramref name="type"/> every case is of that type (the rest of the mix is unchanged).</summary>
    public PlannedCase CaseFor(long sequence, CaseType? type = null)
    {
        var bits = Mix(_seed ^ (ulong)sequence * 0x9E37_79B9_7F4A_7C15UL);
        var customer = Customers[(int)(bits % (ulong)Customers.Count)];
        type ??= Types[(int)((bits >> 20) % (ulong)Types.Length)];
        var priority = Priorities[(int)((bits >> 28) % (ulong)Priorities.Length)];
        var channel = Channels[(int)((bits >> 36) % (ulong)Channels.Length)];
        var request = new CaseSeed(
            customer.Id, type.Value, priority, channel,
            Subject: $"Bench {type.Value.ToString().ToLowerInvariant()} #{sequence.ToString(CultureInfo.InvariantCulture)}",
            Description: "Created by the load generator: the unit no longer starts after the last power cut.");
        return new PlannedCase(request, _regionOfCustomer[customer.Id]);
    }

    /// <summary>A fresh run tag: 6 lower-case base-36 characters.</summary>
    public static string NewRunTag()
    {
        const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        var value = (ulong)Random.Shared.NextInt64(long.MaxValue);
        return string.Create(6, value, static (span, v) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[(int)(v % 36)];
                v /= 36;
            }
        });
    }

    // SplitMix64 finaliser: spreads consecutive sequence numbers over the whole 64-bit range.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
