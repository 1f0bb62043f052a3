using AfterSales.Console.Session;

namespace AfterSales.Api.Demo;

/// <summary>The demo data set, as the bodies the public API takes. Ids are fixed (C-90xx, T-9xxx, SN-DEMO-…) so a second
/// run replays rather than duplicates, and the console's sign-in page names the same people (<see cref="DemoPeople"/>).</summary>
internal static class DemoData
{
    public const string West = "west";
    public const string North = "north";

    /// <summary>The customer created last (no devices, no cases: a caller with no history): when it exists the data set
    /// is complete.</summary>
    public const string CompletionMarker = "C-9006";

    public static readonly IReadOnlyList<(string Code, object Body)> Models =
    [
        ("DEMO-B200", new { name = "Condensing boiler B-200", warrantyMonths = 24, maintenanceSkills = new[] { new { name = "boiler", minLevel = 2 } } }),
        ("DEMO-HP50", new
        {
            name = "Heat pump HP-50",
            warrantyMonths = 36,
            installationSkills = new[] { new { name = "heat-pump", minLevel = 2 } },
            // What the installer's phone shows on the work order: measurements with their ranges and units, checks.
            checklist = new object[]
            {
                new { id = "supply-voltage", text = "Supply voltage at the main terminal", kind = "measurement", unit = "V", min = 210, max = 240 },
                new { id = "flow-temperature", text = "Flow temperature after 15 minutes", kind = "measurement", unit = "°C", min = 30, max = 55 },
                new { id = "leak-test", text = "No leak after 10 minutes at pressure", kind = "check" },
                new { id = "labels", text = "Safety labels fitted", kind = "check", required = false },
            },
        }),
    ];

    public static readonly IReadOnlyList<object> Technicians =
    [
        Technician(DemoPeople.Agent.Subject, DemoPeople.Agent.Name, "customer-service", West, 10, true),
        Technician("T-9102", "Huang Min", "customer-service", West, 10, false),
        Technician(DemoPeople.Technician.Subject, DemoPeople.Technician.Name, "technical-support", West, 6, true, ("boiler", 4), ("heat-pump", 3)),
        // At capacity with the in-progress case (a fault weighs 2): new west faults go to the demo technician.
        Technician("T-9202", "Zhou Tao", "technical-support", West, 2, true, ("boiler", 2)),
        Technician(DemoPeople.Installer.Subject, DemoPeople.Installer.Name, "installation", West, 8, true, ("boiler", 3), ("heat-pump", 3)),
        Technician(DemoPeople.MaintenanceTechnician.Subject, DemoPeople.MaintenanceTechnician.Name, "maintenance", West, 8, true, ("boiler", 3)),
        Technician("T-9501", "Sun Li", "customer-service", North, 10, true),
        Technician("T-9601", "Ma Hui", "technical-support", North, 6, true, ("heat-pump", 4), ("boiler", 2)),
        // Off shift: the north installation queue shows a case waiting because nobody is on shift.
        Technician("T-9701", "Guo Bin", "installation", North, 8, false, ("heat-pump", 3)),
        Technician("T-9801", "He Yan", "maintenance", North, 8, true, ("heat-pump", 2), ("boiler", 2)),
    ];

    public static readonly IReadOnlyList<(string Id, object Body)> Customers =
    [
        Customer(DemoPeople.FirstCustomerId, "Li Na", DemoPeople.FirstCustomerPhone, West, "gold", "zh-CN"),
        Customer("C-9002", "Wang Hao", "+86 139 0000 9002", West, "standard", "zh-CN"),
        Customer("C-9003", "Emily Carter", "+86 139 0000 9003", West, "platinum", "en"),
        Customer("C-9004", "Zhang Qiang", "+86 139 0000 9004", North, "gold", "zh-CN"),
        Customer("C-9005", "Northwind Hotels", "+86 139 0000 9005", North, "platinum", "en"),
        Customer(CompletionMarker, "Liu Fang", "+86 139 0000 9006", North, "standard", "zh-CN"),
    ];

    /// <summary>Devices: one under warranty, one past it, one with a contract, in both regions.</summary>
    public static IReadOnlyList<object> Devices(DateOnly today) =>
    [
        Device("SN-DEMO-0001", "DEMO-B200", DemoPeople.FirstCustomerId, "12 Tianfu Avenue, Chengdu", today.AddMonths(-8), today.AddMonths(16)),
        Device("SN-DEMO-0002", "DEMO-HP50", DemoPeople.FirstCustomerId, "12 Tianfu Avenue, Chengdu", today.AddMonths(-40), today.AddMonths(-4)),
        Device("SN-DEMO-0003", "DEMO-B200", "C-9002", "8 Renmin Road, Chengdu", today.AddMonths(-3), today.AddMonths(21)),
        Device("SN-DEMO-0004", "DEMO-HP50", "C-9003", "5 Jinjiang Lane, Chengdu", today.AddMonths(-14), today.AddMonths(22)),
        Device("SN-DEMO-0005", "DEMO-HP50", "C-9004", "20 Chang'an Street, Beijing", today.AddMonths(-20), today.AddMonths(16)),
        Device("SN-DEMO-0006", "DEMO-B200", "C-9005", "1 Harbour Road, Tianjin", today.AddMonths(-30), today.AddMonths(-6)),
        Device("SN-DEMO-0007", "DEMO-HP50", "C-9005", "1 Harbour Road, Tianjin", null, null),
        Device("SN-DEMO-0008", "DEMO-HP50", "C-9003", "5 Jinjiang Lane, Chengdu", null, null),
    ];

    /// <summary>A premium contract on the hotel's out-of-warranty boiler.</summary>
    public static object Contract(DateOnly today) => new
    {
        customerId = "C-9005",
        tier = "premium",
        coverage = new { parts = true, labour = true, onSite = true },
        start = today.AddMonths(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        end = today.AddMonths(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        deviceSerials = new[] { "SN-DEMO-0006" },
    };

    /// <summary>Cases and the actions that bring each to its state: together every status of the lifecycle.</summary>
    public static IReadOnlyList<DemoCase> Cases(DateOnly today) =>
    [
        new("demo-case-1", new { customerId = DemoPeople.FirstCustomerId, type = "fault", priority = "high", channel = "phone", deviceSerial = "SN-DEMO-0001", subject = "Boiler shows error E21", description = "No hot water since this morning; the display shows E21." }, []),
        new("demo-case-2", new { customerId = "C-9002", type = "fault", priority = "normal", channel = "web", deviceSerial = "SN-DEMO-0003", subject = "Boiler pressure drops", description = "Pressure falls below 1 bar every two days." }, ["start"]),
        new("demo-case-3", new { customerId = "C-9003", type = "consultation", priority = "low", channel = "email", deviceSerial = "SN-DEMO-0004", subject = "Night mode settings", description = "How do I lower the heat pump's noise at night?" }, ["start", "wait"]),
        new("demo-case-4", new { customerId = DemoPeople.FirstCustomerId, type = "consultation", priority = "normal", channel = "phone", deviceSerial = "SN-DEMO-0002", subject = "Warranty extension", description = "Can the heat pump's warranty be extended?" }, ["start", "resolve"]),
        new("demo-case-5", new { customerId = "C-9004", type = "fault", priority = "urgent", channel = "phone", deviceSerial = "SN-DEMO-0005", subject = "Heat pump stopped", description = "The outdoor unit stopped with a high-pressure alarm." }, ["start", "resolve", "close"]),
        new("demo-case-6", new { customerId = "C-9005", type = "complaint", priority = "normal", channel = "email", subject = "Late visit", description = "The technician arrived two hours late." }, ["cancel"]),
        new("demo-case-7", new { customerId = "C-9005", type = "installation", priority = "normal", channel = "web", deviceSerial = "SN-DEMO-0007", subject = "Install the new heat pump", description = "Delivered last week; please install and commission it.", installationWindow = Window(today.AddDays(2)) }, []),
        new("demo-case-8", new { customerId = "C-9005", type = "maintenance", priority = "normal", channel = "api", deviceSerial = "SN-DEMO-0006", subject = "Annual boiler service", description = "Yearly service under the premium contract." }, []),
        // West field work for the installer's and the maintenance technician's phones (DemoPeople.Installer, .MaintenanceTechnician).
        new("demo-case-9", new { customerId = "C-9003", type = "installation", priority = "normal", channel = "web", deviceSerial = "SN-DEMO-0008", subject = "Install the second heat pump", description = "Second unit for the annex; the site is ready.", installationWindow = Window(today.AddDays(1)) }, []),
        new("demo-case-10", new { customerId = DemoPeople.FirstCustomerId, type = "maintenance", priority = "normal", channel = "phone", deviceSerial = "SN-DEMO-0001", subject = "Boiler service before winter", description = "Clean the burner, check the expansion vessel and the flue." }, []),
    ];

    /// <summary>A morning agreed with the customer, in China Standard Time.</summary>
    private static object Window(DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8));
        return new { start, end = start.AddHours(4) };
    }

    private static object Technician(string id, string name, string department, string region, int capacity, bool onShift, params (string Name, int Level)[] skills) =>
        new { id, name, department, region, capacity, onShift, skills = skills.Select(s => new { name = s.Name, level = s.Level }).ToArray() };

    private static (string, object) Customer(string id, string name, string phone, string region, string tier, string language) =>
        (id, new { id, name, phones = new[] { phone }, region, tier, language });

    private static object Device(string serial, string model, string customerId, string site, DateOnly? installedOn, DateOnly? warrantyEnd) =>
        new
        {
            serial,
            model,
            customerId,
            site,
            installedOn = installedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            warrantyEnd = warrantyEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
}

/// <summary>A demo case: its create body (sent with <paramref name="IdempotencyKey"/>) and the actions that follow.</summary>
internal sealed record DemoCase(string IdempotencyKey, object Body, IReadOnlyList<string> Actions);
