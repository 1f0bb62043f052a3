using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Staff;

/// <summary>A technician or agent (key: technician id). Authoritative for its own capacity: a department's
/// view is a hint, and the technician refuses an offer it cannot take.</summary>
[Alias("AfterSales.ITechnicianGrain")]
public interface ITechnicianGrain : IGrainWithStringKey
{
    /// <summary>Creates the technician and joins its department-region roster.</summary>
    [Alias("Register")]
    Task<Result<TechnicianSnapshot>> RegisterAsync(RegisterTechnicianRequest request);

    /// <summary>The technician, or null when never registered.</summary>
    [Alias("Get"), ReadOnly]
    Task<TechnicianSnapshot?> GetAsync();

    /// <summary>Goes on or off shift; the department is told so it can route (or stop routing) work here.</summary>
    [Alias("SetShift")]
    Task<Result<TechnicianSnapshot>> SetShiftAsync(bool onShift);

    /// <summary>Takes a case if on shift with enough free capacity. Idempotent per case number.</summary>
    [Alias("TryAssign")]
    Task<AssignmentReply> TryAssignAsync(AssignmentOffer offer);

    /// <summary>Drops a case (resolved, cancelled, moved); frees its capacity and tells the department.</summary>
    [Alias("Release")]
    Task<TechnicianStatus> ReleaseAsync(string caseNumber);

    /// <summary>The cases currently assigned.</summary>
    [Alias("GetAssignments"), ReadOnly]
    Task<ImmutableArray<Assignment>> GetAssignmentsAsync();

    /// <summary>The routing view of this technician (used by a department rebuilding its roster view).</summary>
    [Alias("GetStatus"), ReadOnly]
    Task<TechnicianStatus?> GetStatusAsync();
}
