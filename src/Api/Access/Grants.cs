namespace AfterSales.Api.Access;

/// <summary>Who may call an endpoint, besides admins (who may call every one): roles of people and scopes of API keys.</summary>
[Flags]
internal enum Grants
{
    /// <summary>Admins only.</summary>
    None = 0,
    Customer = 1,
    Technician = 2,
    Agent = 4,
    Supervisor = 8,
    CtiKey = 16,
    IntakeKey = 32,
    WebhooksKey = 64,
    ReadingsKey = 128,
    /// <summary>No credential needed (the request limit per client address still applies).</summary>
    Anonymous = 256,

    /// <summary>Every person who works here: technicians, agents, supervisors.</summary>
    Staff = Technician | Agent | Supervisor,
    /// <summary>Agents and supervisors: the desk.</summary>
    Desk = Agent | Supervisor,
    /// <summary>Every role.</summary>
    Everyone = Customer | Staff,
}
