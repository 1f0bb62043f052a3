using System.Collections.Immutable;

namespace AfterSales.Customers;

/// <summary>Reverse index from one E.164 phone number to the customers that list it, so a caller-id lookup is one grain
/// call instead of a scan. Key: <see cref="CustomerKeys.PhoneIndex"/> (a hash of the number, never the number).</summary>
[Alias("AfterSales.IPhoneIndexGrain")]
public interface IPhoneIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds a customer to this number (idempotent).</summary>
    [Alias("Add")]
    Task AddAsync(string customerId);

    /// <summary>Removes a customer from this number (idempotent): the customer was erased.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string customerId);

    /// <summary>The customers listing this number, oldest registration first.</summary>
    [Alias("GetCustomers"), ReadOnly]
    Task<ImmutableArray<string>> GetCustomerIdsAsync();
}
