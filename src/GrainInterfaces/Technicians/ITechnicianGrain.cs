using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Technicians;

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

    /// <summary>Goes on or off shift (<see cref="SetPresenceAsync"/> with onShift or offShift).</summary>
    [Alias("SetShift")]
    Task<Result<TechnicianSnapshot>> SetShiftAsync(bool onShift);

    /// <summary>Takes a case if on shift (not away) with enough free capacity and the offer's required skills.
    /// Idempotent per case number.</summary>
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

    /// <summary>The routing status and the cases last returned going off shift that the technician has not taken
    /// back, for a department reconciling its roster.</summary>
    [Alias("GetStanding"), ReadOnly]
    Task<TechnicianStanding> GetStandingAsync();

    /// <summary>Sets presence (on shift, away, off shift). Off shift drops the cases not yet started and returns
    /// them to the department's queue.</summary>
    [Alias("SetPresence")]
    Task<Result<TechnicianSnapshot>> SetPresenceAsync(SetPresenceRequest request);

    /// <summary>Changes skills and/or capacity; capacity below the units in use is a conflict.</summary>
    [Alias("Update")]
    Task<Result<TechnicianSnapshot>> UpdateAsync(UpdateTechnicianRequest request);

    /// <summary>Sets the weekly shift pattern and applies it at once; a reminder keeps applying it.</summary>
    [Alias("SetShiftPattern")]
    Task<Result<TechnicianSnapshot>> SetShiftPatternAsync(SetShiftPatternRequest request);

    /// <summary>Applies the shift pattern to presence now (what the reminder does each minute); idempotent.</summary>
    [Alias("ReconcilePresence")]
    Task<Result<TechnicianSnapshot>> ReconcilePresenceAsync();

    /// <summary>The case was started: the technician keeps it when going off shift. False when the technician
    /// no longer holds the case (it was returned to the queue).</summary>
    [Alias("MarkStarted")]
    Task<bool> MarkStartedAsync(string caseNumber);

    /// <summary>Asks the case of each assignment made since the last check (and at least
    /// <c>TechnicianGrain.VerificationDelay</c> ago) whether it took this technician, and releases those it did not
    /// (routing cut off by a crash before the case was stored). Runs by itself on a timer; idempotent. Returns the
    /// case numbers released.</summary>
    [Alias("ReconcileAssignments")]
    Task<ImmutableArray<string>> ReconcileAssignmentsAsync();
}
