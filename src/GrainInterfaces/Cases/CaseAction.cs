namespace AfterSales.Cases;

/// <summary>A state action a person (or system) takes on a case.</summary>
[GenerateSerializer, Alias("AfterSales.CaseAction")]
public enum CaseAction
{
    Start = 0,
    Wait = 1,
    Resume = 2,
    Resolve = 3,
    Close = 4,
    Reopen = 5,
    Cancel = 6,
}
