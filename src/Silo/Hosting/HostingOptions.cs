using AfterSales.Silo.Storage;

namespace AfterSales.Silo.Hosting;

/// <summary>How this process hosts Orleans (section <c>AfterSales:Hosting</c>), checked at start by
/// <see cref="HostingOptionsValidator"/>.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "AfterSales:Hosting";

    /// <summary>Name of the connection string (section <c>ConnectionStrings</c>) of the PostgreSQL database used by the
    /// Cluster and Client modes: <c>ConnectionStrings:AfterSales</c>.</summary>
    public const string ConnectionStringName = "AfterSales";

    /// <summary>Embedded (default), Cluster or Client.</summary>
    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>Embedded mode: folder of the SQLite database file <c>aftersales.db</c>, created if missing.
    /// Default <c>data</c> (relative to the working directory).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Embedded mode: SQLite durability of a commit. Default <see cref="SqliteSynchronousMode.Full"/>
    /// (acknowledged writes survive a power loss, not only a process crash).</summary>
    public SqliteSynchronousMode SqliteSynchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Cluster mode: the IP address other silos and clients use to reach this silo. Default: none, which
    /// makes the silo advertise the first address its host name resolves to (use an explicit address in containers).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Cluster mode: listen on every interface (0.0.0.0) rather than only on the advertised address, as a
    /// container behind NAT needs. Default <c>false</c>.</summary>
    public bool ListenOnAnyHostAddress { get; set; }

    /// <summary>Cluster mode: the silo runs in a Kubernetes pod (Orleans' Kubernetes hosting): its silo name is the pod's
    /// name, the <c>ORLEANS_CLUSTER_ID</c>/<c>ORLEANS_SERVICE_ID</c> environment variables (set from the pod's
    /// <c>orleans/clusterId</c> and <c>orleans/serviceId</c> labels) override <see cref="ClusterId"/> and
    /// <see cref="ServiceId"/>, and a silo whose pod is deleted is declared dead at once. Needs a service account allowed to
    /// get, list, watch and patch pods (deploy/k8s). Default <c>false</c>.</summary>
    public bool Kubernetes { get; set; }

    /// <summary>Orleans cluster id. Default <c>aftersales</c>.</summary>
    public string ClusterId { get; set; } = "aftersales";

    /// <summary>Orleans service id (keeps grain state and reminders apart between services). Default <c>aftersales</c>.</summary>
    public string ServiceId { get; set; } = "aftersales";

    /// <summary>Cluster and Client modes: the PostgreSQL connection string. Default: none, which means
    /// <c>ConnectionStrings:AfterSales</c> is used; one of the two must be set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Cluster mode: membership timing (section <c>AfterSales:Hosting:Membership</c>).</summary>
    public MembershipTimingOptions Membership { get; set; } = new();

    /// <summary>Client mode: call timeout and gateway refresh (section <c>AfterSales:Hosting:Client</c>).</summary>
    public ClientTimingOptions Client { get; set; } = new();

    /// <summary>Every mode: how long a stopping process (SIGTERM) may take to drain HTTP requests, deactivate its grains
    /// with their state written and leave the cluster. Keep it below the orchestrator's grace period (Kubernetes: 30 s).
    /// Default 25 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
