namespace AfterSales.Cases;

/// <summary>What the customer needs; decides the department (triage).</summary>
[GenerateSerializer, Alias("AfterSales.CaseType")]
public enum CaseType
{
    Consultation = 0,
    Fault = 1,
    Complaint = 2,
    Installation = 3,
    Maintenance = 4,
    /// <summary>The common cause behind several faults (same model, fault code and serial range), opened by problem
    /// detection for technical support; the fault cases are its children.</summary>
    Problem = 5,
}
