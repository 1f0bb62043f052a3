namespace AfterSales.Silo.Hosting;

/// <summary>How this process hosts Orleans (section <c>AfterSales:Hosting</c>).</summary>
public sealed class HostingOptions
{
    public const string SectionName = "AfterSales:Hosting";

    /// <summary>Embedded (default), Cluster or Client.</summary>
    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>Embedded mode: folder of the SQLite database files. Default <c>data</c> (relative to the working directory).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Orleans cluster id. Default <c>aftersales</c>.</summary>
    public string ClusterId { get; set; } = "aftersales";

    /// <summary>Orleans service id (keeps grain state and reminders apart between services). Default <c>aftersales</c>.</summary>
    public string ServiceId { get; set; } = "aftersales";
}
