namespace AfterSales.Customers;

/// <summary>What a GDPR erase removed from a customer (counts and ids only: nothing erased is repeated here).</summary>
/// <param name="CustomerId">The customer, whose id stays.</param>
/// <param name="ErasedAt">When the personal data was first erased.</param>
/// <param name="AlreadyErased">True when an earlier erase had removed it all already (this one changed nothing).</param>
/// <param name="Name">Whether a name was removed.</param>
/// <param name="Phones">Phone numbers removed (each also left the caller-id index).</param>
/// <param name="Emails">E-mail addresses removed.</param>
/// <param name="CaseSubjects">Subjects of the recent-case list blanked in the customer 360.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CustomerErasure")]
public sealed record CustomerErasure(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] DateTimeOffset ErasedAt,
    [property: Id(2)] bool AlreadyErased,
    [property: Id(3)] bool Name,
    [property: Id(4)] int Phones,
    [property: Id(5)] int Emails,
    [property: Id(6)] int CaseSubjects);
