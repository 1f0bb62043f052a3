namespace AfterSales.Api.Audit;

/// <summary>The authorisation policies of the audit and privacy endpoints, and the claims they read.</summary>
internal static class AuditPolicies
{
    /// <summary>Who may read the audit record: a caller with the <c>admin</c> role.</summary>
    public const string AuditReaders = "AuditReaders";

    /// <summary>Who may erase a customer's personal data: a caller with the <c>admin</c> role.</summary>
    public const string PersonalDataErasers = "PersonalDataErasers";

    public const string AdminRole = "admin";

    /// <summary>The claim types read (as tokens carry them, and as the JWT handler maps them by default).</summary>
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string ScopeClaim = "scope";
}
