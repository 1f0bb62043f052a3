namespace AfterSales.Domain;

/// <summary>One problem with a command's data: the field (camelCase JSON path such as <c>checklist[2].unit</c>) and a
/// message a person can act on. Grains answer the first one as a field-level 400.</summary>
internal sealed record FieldError(string Field, string Message);
