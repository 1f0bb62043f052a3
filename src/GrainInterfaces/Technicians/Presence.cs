namespace AfterSales.Technicians;

/// <summary>Whether a technician takes work: on shift, away (on shift but taking no new work), or off shift.</summary>
[GenerateSerializer, Alias("AfterSales.Presence")]
public enum Presence
{
    OnShift = 0,
    Away = 1,
    OffShift = 2,
}
