namespace AfterSales.Silo.Schema;

/// <summary>The databases the project ships schema scripts for (folders under <c>Sql/</c>).</summary>
internal enum SqlDialect
{
    PostgreSql,
    Sqlite,
}
