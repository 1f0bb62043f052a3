namespace AfterSales.Domain.Routing;

/// <summary>One problem with a routing policy: the field (camelCase JSON path) and a message a person can act on.</summary>
internal sealed record PolicyError(string Field, string Message);
