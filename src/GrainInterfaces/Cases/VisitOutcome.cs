namespace AfterSales.Cases;

/// <summary>How a visit ended: the work is done, or someone has to come back (which counts against first-time fix).</summary>
[GenerateSerializer, Alias("AfterSales.VisitOutcome")]
public enum VisitOutcome
{
    Fixed = 0,
    FollowUpNeeded = 1,
}
