namespace AfterSales.Silo.Schema;

/// <summary>One versioned schema script: <paramref name="Name"/> is its file name (<c>NNN-description.sql</c>),
/// which is also the key it is recorded under once applied.</summary>
internal sealed record SqlScript(string Name, string Text);
