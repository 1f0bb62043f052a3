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
}
