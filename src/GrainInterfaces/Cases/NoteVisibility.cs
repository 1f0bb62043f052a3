namespace AfterSales.Cases;

/// <summary>Who may see a case note.</summary>
[GenerateSerializer, Alias("AfterSales.NoteVisibility")]
public enum NoteVisibility
{
    /// <summary>Staff only.</summary>
    Internal = 0,
    /// <summary>Shown to the customer too.</summary>
    Customer = 1,
}
