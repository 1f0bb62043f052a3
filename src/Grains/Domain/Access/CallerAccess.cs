using AfterSales.Access;

namespace AfterSales.Domain.Access;

/// <summary>Who may see which customer data, decided from the caller's scope and the resource's owners alone. The API
/// checks it before answering, and the grains holding the data check it again on their caller-scoped reads.</summary>
public static class CallerAccess
{
    /// <summary>A case: admins always; its customer; the technician it is with; agents and supervisors working in its
    /// department and region (or holding it themselves). API keys read no case.</summary>
    public static bool CanSeeCase(CallerScope caller, CaseOwners owners)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(owners);
        if (caller.Kind != CallerKind.User)
        {
            return false;
        }
        return caller.Role switch
        {
            CallerRole.Admin => true,
            CallerRole.Customer => Same(caller.CustomerId, owners.CustomerId),
            CallerRole.Technician => Same(caller.TechnicianId, owners.AssignedTechnicianId),
            CallerRole.Agent or CallerRole.Supervisor =>
                Same(caller.TechnicianId, owners.AssignedTechnicianId)
                || (caller.Departments.Contains(owners.Department, StringComparer.Ordinal) && WorksIn(caller, owners.Region)),
            _ => false,
        };
    }

    /// <summary>A customer record: admins; the customer themselves; agents and supervisors of the customer's region.</summary>
    public static bool CanSeeCustomer(CallerScope caller, string customerId, string region)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind != CallerKind.User)
        {
            return false;
        }
        return caller.Role switch
        {
            CallerRole.Admin => true,
            CallerRole.Customer => Same(caller.CustomerId, customerId),
            CallerRole.Agent or CallerRole.Supervisor => WorksIn(caller, region),
            _ => false,
        };
    }

    /// <summary>A device: admins; its owner; agents, supervisors and technicians (who service devices of any owner,
    /// and a device carries no personal data beyond its owner's id).</summary>
    public static bool CanSeeDevice(CallerScope caller, string? ownerCustomerId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind != CallerKind.User)
        {
            return false;
        }
        return caller.Role switch
        {
            CallerRole.Customer => Same(caller.CustomerId, ownerCustomerId),
            CallerRole.Admin or CallerRole.Agent or CallerRole.Supervisor or CallerRole.Technician => true,
            _ => false,
        };
    }

    /// <summary>A technician's record: admins, supervisors and agents; a technician only their own.</summary>
    public static bool CanSeeTechnician(CallerScope caller, string technicianId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind != CallerKind.User)
        {
            return false;
        }
        return caller.Role switch
        {
            CallerRole.Admin or CallerRole.Supervisor or CallerRole.Agent => true,
            CallerRole.Technician => Same(caller.TechnicianId, technicianId),
            _ => false,
        };
    }

    /// <summary>A complaint: admins, agents and supervisors (the desk handles complaints of every department, and a
    /// complaint's second-person review may fall to any supervisor); the customer who complained. API keys and
    /// technicians read none (a technician sees the complaints about them through their own record).</summary>
    public static bool CanSeeComplaint(CallerScope caller, string customerId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind != CallerKind.User)
        {
            return false;
        }
        return caller.Role switch
        {
            CallerRole.Admin or CallerRole.Agent or CallerRole.Supervisor => true,
            CallerRole.Customer => Same(caller.CustomerId, customerId),
            _ => false,
        };
    }

    /// <summary>A department (and region, when one is named): admins; agents and supervisors working in it. With no
    /// region (a department-wide setting) the caller must work in the department in every region it names.</summary>
    public static bool CanSeeDepartment(CallerScope caller, string department, string? region)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind != CallerKind.User)
        {
            return false;
        }
        return caller.Role switch
        {
            CallerRole.Admin => true,
            CallerRole.Agent or CallerRole.Supervisor =>
                caller.Departments.Contains(department, StringComparer.Ordinal) && (region is null || WorksIn(caller, region)),
            _ => false,
        };
    }

    private static bool WorksIn(CallerScope caller, string region) => caller.Regions.Contains(region, StringComparer.Ordinal);

    private static bool Same(string? mine, string? theirs) => mine is not null && string.Equals(mine, theirs, StringComparison.Ordinal);
}

/// <summary>The facts of a case that decide who may see it.</summary>
/// <param name="CustomerId">The case's customer.</param>
/// <param name="Department">The department slug the case is in now.</param>
/// <param name="Region">The region the case is in.</param>
/// <param name="AssignedTechnicianId">The technician the case is with, if any.</param>
public sealed record CaseOwners(string CustomerId, string Department, string Region, string? AssignedTechnicianId);
