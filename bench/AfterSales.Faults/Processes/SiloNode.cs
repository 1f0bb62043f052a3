namespace AfterSales.Faults.Processes;

/// <summary>One silo process of a <see cref="ClusterRig"/> and its ports.</summary>
public sealed record SiloNode(string Name, int SiloPort, int GatewayPort, ChildProcess Process);
