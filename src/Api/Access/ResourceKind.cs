namespace AfterSales.Api.Access;

/// <summary>What a route names whose owner decides who may reach it; found from the route template
/// (<see cref="AccessRules.ResourceOf"/>).</summary>
internal enum ResourceKind
{
    None,
    /// <summary><c>/api/cases/{number}…</c>: the case's customer, technician, department and region.</summary>
    Case,
    /// <summary><c>/api/customers/{id}…</c>: the customer and their region.</summary>
    Customer,
    /// <summary><c>/api/devices/{serial}…</c>: the device's owner.</summary>
    Device,
    /// <summary><c>/api/technicians/{id}…</c>: a technician reaches only their own.</summary>
    Technician,
    /// <summary><c>/api/departments/{department}/{region}…</c> and the routing strategies: the caller's departments and regions.</summary>
    Department,
    /// <summary><c>/api/complaints/{id}…</c>: the complaint's customer (staff of the desk reach every complaint).</summary>
    Complaint,
}
