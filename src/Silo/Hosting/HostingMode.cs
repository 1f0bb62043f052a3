namespace AfterSales.Silo.Hosting;

/// <summary>How a process joins Orleans.</summary>
public enum HostingMode
{
    /// <summary>One co-hosted silo, localhost clustering, state and reminders in a local SQLite file (the default).</summary>
    Embedded = 0,
    /// <summary>A silo of a multi-silo cluster: clustering, grain state and reminders on PostgreSQL.</summary>
    Cluster = 1,
    /// <summary>No silo: an Orleans client of a cluster found through the PostgreSQL membership table.</summary>
    Client = 2,
}
