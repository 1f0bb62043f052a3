namespace AfterSales.Silo.Hosting;

/// <summary>Invariant names the Orleans ADO.NET providers (10.4) accept.</summary>
internal static class AdoNetInvariantNames
{
    public const string PostgreSql = "Npgsql";

    /// <summary>The providers' SQLite invariant. Orleans 10.4 loads <c>Microsoft.Data.Sqlite.SqliteFactory</c> for it
    /// (and rejects the name "Microsoft.Data.Sqlite"), so the package that must be deployed is Microsoft.Data.Sqlite.</summary>
    public const string Sqlite = "System.Data.SQLite";
}
