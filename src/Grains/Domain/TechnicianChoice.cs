using AfterSales.Staff;

namespace AfterSales.Domain;

/// <summary>The selector's answer: the technician to offer the case to (or none) and why, in words that
/// go into the case history.</summary>
/// <param name="Candidates">How many on-shift technicians had room for the case.</param>
internal sealed record TechnicianChoice(TechnicianStatus? Technician, string Reason, int Candidates)
{
    public bool Found => Technician is not null;
}
