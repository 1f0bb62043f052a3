namespace AfterSales.Console.Session;

/// <summary>A person of the demo data set one can sign in as (embedded mode).</summary>
/// <param name="Role">agent, technician, supervisor or admin: the dev-token role.</param>
/// <param name="Subject">The token's subject; for an agent or technician also the technician id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Department">The department the person works in or supervises.</param>
/// <param name="Region">The region of that department.</param>
/// <param name="Key">Names the person's sign-in button (<c>sign-in-{key}</c>); default: the role.</param>
/// <param name="Language">The language of the person's profile (the token's <c>locale</c>); null: none set.</param>
internal sealed record DemoPerson(string Role, string Subject, string Name, string Department, string Region, string? Key = null,
    string? Language = null)
{
    public string SignInKey => Key ?? Role;
}

/// <summary>The demo people: the API's seeder creates the agent and technicians under these ids and the console's sign-in
/// page lists them, so this one file (linked into the API) keeps both sides in step.</summary>
internal static class DemoPeople
{
    /// <summary>The two regions the demo data set lives in.</summary>
    public static readonly IReadOnlyList<string> Regions = ["west", "north"];

    /// <summary>The four departments, as their slugs.</summary>
    public static readonly IReadOnlyList<string> Departments = ["customer-service", "technical-support", "installation", "maintenance"];

    public static readonly DemoPerson Agent = new("agent", "T-9101", "Chen Jing", "customer-service", "west");
    public static readonly DemoPerson Technician = new("technician", "T-9201", "Zhao Lei", "technical-support", "west");
    public static readonly DemoPerson Supervisor = new("supervisor", "S-9001", "Liu Yang", "technical-support", "west");
    /// <summary>Her profile says Chinese: the console speaks it to her on any browser until she picks a language.</summary>
    public static readonly DemoPerson Admin = new("admin", "A-9001", "Sun Mei", "customer-service", "west", Language: "zh-CN");

    /// <summary>A technician of the installation department: the checklist and commissioning of a work order.</summary>
    public static readonly DemoPerson Installer = new("technician", "T-9301", "Wu Fang", "installation", "west", "installer");

    /// <summary>A technician of the maintenance department: visits with the parts they used.</summary>
    public static readonly DemoPerson MaintenanceTechnician = new("technician", "T-9401", "Xu Qiang", "maintenance", "west", "maintenance");

    public static readonly IReadOnlyList<DemoPerson> All = [Agent, Technician, Supervisor, Admin, Installer, MaintenanceTechnician];

    /// <summary>The demo customer whose phone the agent's screen pop finds first.</summary>
    public const string FirstCustomerId = "C-9001";

    /// <summary>That customer's phone, as a caller would dial it.</summary>
    public const string FirstCustomerPhone = "+86 139 0000 9001";
}
