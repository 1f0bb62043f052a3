namespace AfterSales.Silo.Schema;

/// <summary>The databases the project ships schema scripts for (folders under <c>Sql/</c>).</summary>
internal enum SqlDialect
{
    PostgreSql,
    Sqlite,

    /// <summary>The embedded silo's case-list file (<c>caselist.db</c>), apart from the grain-state file.</summary>
    SqliteCaseList,
}
