namespace AfterSales.Access;

/// <summary>A person's role (the token's <c>role</c> claim); <see cref="None"/> for API keys.</summary>
[GenerateSerializer, Alias("AfterSales.CallerRole")]
public enum CallerRole
{
    /// <summary>No role: an API key, whose rights are its scopes.</summary>
    None = 0,
    /// <summary>A customer: their own customer record, devices, cases and surveys.</summary>
    Customer = 1,
    /// <summary>A field or support technician: the cases assigned to them and their own record.</summary>
    Technician = 2,
    /// <summary>A service agent: the cases and customers of their departments and regions.</summary>
    Agent = 3,
    /// <summary>A supervisor: what an agent may, plus reassignment, reviews, rosters and policies of their departments.</summary>
    Supervisor = 4,
    /// <summary>Everything, including configuration.</summary>
    Admin = 5,
}
