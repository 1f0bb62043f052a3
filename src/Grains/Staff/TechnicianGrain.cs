using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Staff;

/// <summary>
/// A technician: authoritative for its own capacity. It never waits on its department: it answers offers
/// and tells the department about changes one-way, which keeps the department → technician calls cycle-free.
/// </summary>
internal sealed class TechnicianGrain(
    [PersistentState("technician", StorageNames.Main)] IPersistentState<TechnicianState> state,
    IOptions<AfterSalesOptions> options,
    TimeProvider time,
    ILogger<TechnicianGrain> logger) : Grain, ITechnicianGrain
{
    internal const int MaxCapacity = 1000;
    private const int MaxSkills = 50;

    private string Id => this.GetPrimaryKeyString();

    public async Task<Result<TechnicianSnapshot>> RegisterAsync(RegisterTechnicianRequest request)
    {
        var s = state.State;
        if (s.Registered)
        {
            if (request.RequestHash is null || request.RequestHash != s.RequestHash)
            {
                return CommandError.Conflict($"Technician {Id} already exists.");
            }
            // A replay re-announces the technician (one-way), in case the first join was lost.
            await Department().TechnicianUpdatedAsync(Status());
            return Result.Replay(ToSnapshot());
        }
        if (Validate(request) is { } error)
        {
            return error;
        }

        s.Registered = true;
        s.Name = request.Name.Trim();
        s.Department = request.Department;
        s.Region = request.Region;
        s.Skills = request.Skills.IsDefault ? [] : request.Skills;
        s.Capacity = request.Capacity;
        s.OnShift = request.OnShift;
        s.CreatedAt = time.GetUtcNow();
        s.IdempotencyKey = request.IdempotencyKey;
        s.RequestHash = request.RequestHash;
        s.Sequence = 1;
        s.Version = 1;
        await state.WriteOrResetAsync(this);
        logger.TechnicianRegistered(Id, DepartmentKey, s.Capacity);

        // Awaited (unlike later pushes) so the technician is routable when registration returns. Safe: the
        // department cannot be waiting on this technician, which is not on its roster yet.
        await Department().JoinAsync(Status());
        return Result.Ok(ToSnapshot());
    }

    public Task<TechnicianSnapshot?> GetAsync() => Task.FromResult(state.State.Registered ? ToSnapshot() : null);

    public async Task<Result<TechnicianSnapshot>> SetShiftAsync(bool onShift)
    {
        var s = state.State;
        if (!s.Registered)
        {
            return CommandError.NotFound($"Technician {Id} does not exist.");
        }
        if (s.OnShift != onShift)
        {
            s.OnShift = onShift;
            await CommitAndTellAsync();
        }
        return Result.Ok(ToSnapshot());
    }

    public async Task<AssignmentReply> TryAssignAsync(AssignmentOffer offer)
    {
        var s = state.State;
        if (!s.Registered)
        {
            return new AssignmentReply(false, Status(), "not registered");
        }
        if (s.Assignments.Exists(a => a.CaseNumber == offer.CaseNumber))
        {
            return new AssignmentReply(true, Status(), null);
        }
        var refusal = !s.OnShift ? "off shift"
            : offer.Weight < 1 ? "invalid weight"
            : Load + offer.Weight > s.Capacity ? $"at capacity ({Load}/{s.Capacity})"
            : null;
        if (refusal is not null)
        {
            logger.OfferRefused(Id, offer.CaseNumber, refusal);
            return new AssignmentReply(false, Status(), refusal);
        }

        var now = time.GetUtcNow();
        s.Assignments.Add(new Assignment(offer.CaseNumber, offer.Type, offer.Priority, offer.Weight, now));
        s.LastAssignedAt = now;
        await CommitAndTellAsync();
        return new AssignmentReply(true, Status(), null);
    }

    public async Task<TechnicianStatus> ReleaseAsync(string caseNumber)
    {
        var s = state.State;
        if (s.Registered && s.Assignments.RemoveAll(a => a.CaseNumber == caseNumber) > 0)
        {
            await CommitAndTellAsync();
        }
        return Status();
    }

    public Task<ImmutableArray<Assignment>> GetAssignmentsAsync() => Task.FromResult(state.State.Assignments.ToImmutableArray());

    public Task<TechnicianStatus?> GetStatusAsync() => Task.FromResult(state.State.Registered ? Status() : null);

    private int Load => state.State.Assignments.Sum(a => a.Weight);

    private string DepartmentKey => GrainKeys.DepartmentRegion(state.State.Department, state.State.Region);

    private IDepartmentGrain Department() => GrainFactory.GetGrain<IDepartmentGrain>(DepartmentKey);

    /// <summary>Persists a change of the routing view, then tells the department one-way (the write comes
    /// first: a department must never see a load the technician could lose in a crash).</summary>
    private async Task CommitAndTellAsync()
    {
        state.State.Sequence++;
        state.State.Version++;
        await state.WriteOrResetAsync(this);
        await Department().TechnicianUpdatedAsync(Status());
    }

    private TechnicianStatus Status()
    {
        var s = state.State;
        return s.Registered
            ? new TechnicianStatus(Id, s.Department, s.Region, s.Capacity, Load, s.OnShift, s.Skills, s.LastAssignedAt, s.Sequence)
            // Sequence 0 is older than any real status, so a department never lets this replace one.
            : new TechnicianStatus(Id, default, "", 0, 0, false, [], null, 0);
    }

    private CommandError? Validate(RegisterTechnicianRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return CommandError.Invalid("name", "A technician needs a name.");
        }
        if (!Enum.IsDefined(request.Department))
        {
            return CommandError.Invalid("department", "Department must be customer-service, technical-support, installation or maintenance.");
        }
        if (!options.Value.Regions.Contains(request.Region, StringComparer.Ordinal))
        {
            return CommandError.Invalid("region", $"Region '{request.Region}' is not served; served regions: {string.Join(", ", options.Value.Regions)}.");
        }
        if (request.Capacity is < 1 or > MaxCapacity)
        {
            return CommandError.Invalid("capacity", $"Capacity must be between 1 and {MaxCapacity}.");
        }
        var skills = request.Skills.IsDefault ? [] : request.Skills;
        if (skills.Length > MaxSkills)
        {
            return CommandError.Invalid("skills", $"A technician lists at most {MaxSkills} skills.");
        }
        for (var i = 0; i < skills.Length; i++)
        {
            if (skills[i] is null || string.IsNullOrWhiteSpace(skills[i].Name))
            {
                return CommandError.Invalid($"skills[{i}].name", "A skill needs a name.");
            }
            if (skills[i].Level is < 1 or > 5)
            {
                return CommandError.Invalid($"skills[{i}].level", "A skill level is between 1 and 5.");
            }
        }
        if (skills.Select(k => k.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != skills.Length)
        {
            return CommandError.Invalid("skills", "A skill may be listed only once.");
        }
        return null;
    }

    private TechnicianSnapshot ToSnapshot()
    {
        var s = state.State;
        return new TechnicianSnapshot(
            Id, s.Name, s.Department, s.Region, s.Skills, s.Capacity, s.OnShift,
            [.. s.Assignments], Load, s.CreatedAt, s.Version);
    }
}
