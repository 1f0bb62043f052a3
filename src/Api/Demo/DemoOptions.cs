namespace AfterSales.Api.Demo;

/// <summary>The demo data set (section <c>AfterSales:Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "AfterSales:Demo";

    /// <summary>Seed the demo data set (departments in two regions, technicians, customers, devices, contracts, cases in
    /// every state) at start when the store holds no cases. Default: on in the embedded mode, off in the cluster and
    /// client modes; <c>AfterSales:Demo:Seed=false</c> turns it off, <c>true</c> turns it on in any mode.</summary>
    public bool? Seed { get; set; }
}
