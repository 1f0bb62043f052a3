namespace AfterSales.Complaints;

/// <summary>Limits of a complaint: the API publishes them and the complaint grain enforces them.</summary>
public static class ComplaintLimits
{
    /// <summary>Most notes one complaint keeps.</summary>
    public const int Notes = 200;

    /// <summary>Longest corrective action.</summary>
    public const int CorrectiveAction = 2000;

    /// <summary>Most complaints one page of a subject's list holds.</summary>
    public const int PageMax = 500;
}
