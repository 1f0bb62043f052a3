namespace AfterSales.Contracts;

/// <summary>Limits of a service contract: the API publishes them and the contract grain enforces them.</summary>
public static class ServiceContractLimits
{
    /// <summary>Most devices one contract covers.</summary>
    public const int Devices = 100;

    /// <summary>Longest period of a contract, in years.</summary>
    public const int MaxYears = 20;
}
