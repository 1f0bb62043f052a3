using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Domain.Routing;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Technicians;

/// <summary>
/// A technician: authoritative for its own capacity, skills and presence. It never waits on its department: it
/// answers offers and tells the department about changes one-way, which keeps the department → technician calls
/// cycle-free. Changes of the routing view are pushed coalesced: a short grain timer sends the latest status
/// once for a burst of changes, so a busy technician does not flood its department.
/// </summary>
/// <remarks>
/// Presence: on shift, away (on shift, no new work) or off shift. Going off shift drops the assignments not yet
/// started (cases report starts through <see cref="MarkStartedAsync"/>) and hands them to the department
/// (one-way, with the new status) to queue again. With a weekly shift pattern a one-minute reminder applies the
/// pattern from persisted state (idempotent); a manual change holds until the pattern's next boundary.
/// </remarks>
internal sealed partial class TechnicianGrain(
    [PersistentState("technician", StorageNames.Main)] IPersistentState<TechnicianState> state,
    IOptions<AfterSalesOptions> options,
    RegionCalendars calendars,
    ShardCounts shards,
    TimeProvider time,
    ILogger<TechnicianGrain> logger) : Grain, ITechnicianGrain, IRemindable
{
    internal const int MaxCapacity = FieldLimits.CapacityMax;
    internal const string ShiftReminder = "shift-pattern";
    private const int MaxSkills = FieldLimits.Skills;

    /// <summary>How long a burst of changes may gather before one push carries the latest status.</summary>
    internal static readonly TimeSpan PushDelay = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _pushTimer;
    private bool _pushPending;
    private long _pushedSequence;

    // The units held, summed once and kept until the assignments change: every reply and push carries the load, and
    // a busy technician holds hundreds of assignments.
    private int? _load;

    private string Id => field ??= this.GetPrimaryKeyString();

    private TechnicianState S => state.State;

    public async Task<Result<TechnicianSnapshot>> RegisterAsync(RegisterTechnicianRequest request)
    {
        if (S.Registered)
        {
            if (request.RequestHash is null || request.RequestHash != S.RequestHash)
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

        S.Registered = true;
        S.Name = request.Name.Trim();
        S.Department = request.Department;
        S.Region = request.Region;
        S.Skills = request.Skills.IsDefault ? [] : request.Skills;
        S.Capacity = request.Capacity;
        S.OnShift = request.OnShift;
        S.CreatedAt = time.GetUtcNow();
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        S.Sequence = 1;
        S.Version = 1;
        await state.WriteOrResetAsync(this);
        logger.TechnicianRegistered(Id, DepartmentKey, S.Capacity);

        // Awaited (unlike later pushes) so the technician is routable when registration returns. Safe: the
        // department cannot be waiting on this technician, which is not on its roster yet.
        await Department().JoinAsync(Status());
        _pushedSequence = S.Sequence;
        return Result.Ok(ToSnapshot());
    }

    public Task<TechnicianSnapshot?> GetAsync() => Task.FromResult(S.Registered ? ToSnapshot() : null);

    public async Task<Result<TechnicianSnapshot>> UpdateAsync(UpdateTechnicianRequest request)
    {
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (request.Skills is { } skills && ValidateSkills(skills) is { } invalidSkills)
        {
            return invalidSkills;
        }
        if (request.Capacity is { } capacity)
        {
            if (capacity is < FieldLimits.CapacityMin or > MaxCapacity)
            {
                return CommandError.Invalid("capacity", $"Capacity must be between 1 and {MaxCapacity}.");
            }
            if (capacity < Load)
            {
                return CommandError.Conflict($"Technician {Id} holds {Load} units of work; capacity cannot go below that. Release cases first.");
            }
        }
        var newSkills = request.Skills is { } given ? (given.IsDefault ? [] : given) : S.Skills;
        var newCapacity = request.Capacity ?? S.Capacity;
        if (newCapacity == S.Capacity && newSkills.SequenceEqual(S.Skills))
        {
            return Result.Ok(ToSnapshot());
        }
        S.Skills = newSkills;
        S.Capacity = newCapacity;
        await CommitAndTellAsync();
        return Result.Ok(ToSnapshot());
    }

    public async Task<AssignmentReply> TryAssignAsync(AssignmentOffer offer)
    {
        if (!S.Registered)
        {
            return new AssignmentReply(false, Status(), "not registered");
        }
        if (S.Assignments.ContainsKey(offer.CaseNumber))
        {
            return new AssignmentReply(true, Status(), null) { AlreadyHeld = true };
        }
        var missing = Eligibility.FirstMissing(S.Skills, offer.Required);
        var refusal = !S.OnShift ? "off shift"
            : S.Away ? "away"
            : offer.Weight < 1 ? "invalid weight"
            : missing is not null ? $"missing {missing}"
            : !CapacityRule.Fits(Load, S.Capacity, offer.Weight) ? $"at capacity ({Load}/{S.Capacity})"
            : null;
        if (refusal is not null)
        {
            logger.OfferRefused(Id, offer.CaseNumber, refusal);
            return new AssignmentReply(false, Status(), refusal);
        }

        var now = time.GetUtcNow();
        var assignment = new Assignment(offer.CaseNumber, offer.Type, offer.Priority, offer.Weight, now)
        {
            StartedAt = offer.Started ? now : null,
            SlaDue = offer.SlaDue,
            AtRisk = offer.AtRisk,
            Required = offer.Required.IsDefault ? [] : offer.Required,
        };
        S.Assignments.Set(offer.CaseNumber, assignment);
        ScheduleVerification();
        WorkAdded(assignment);
        S.LastAssignedAt = now;
        await CommitAndTellAsync();
        return new AssignmentReply(true, Status(), null);
    }

    public async Task<TechnicianStatus> ReleaseAsync(string caseNumber)
    {
        if (S.Registered && S.Assignments.TryGetValue(caseNumber, out var released) && S.Assignments.Remove(caseNumber))
        {
            RecordCompletion(released);
            WorkChanged();
            // Freed room is what a waiting case waits for: pushed at once, not after the coalescing delay.
            await CommitAndTellAsync(pushNow: true);
        }
        return Status();
    }

    public async Task<bool> MarkStartedAsync(string caseNumber)
    {
        if (!S.Assignments.TryGetValue(caseNumber, out var assignment)
            && !(await CaughtUpWithStorageAsync() && S.Assignments.TryGetValue(caseNumber, out assignment)))
        {
            return false;
        }
        if (assignment.StartedAt is null)
        {
            S.Assignments.Set(caseNumber, assignment with { StartedAt = time.GetUtcNow() });
            WorkChanged();
            // The department predicts breaches from what is started: a start changes the routing view.
            await CommitAndTellAsync();
        }
        return true;
    }

    /// <summary>Before refusing a case it does not hold: while silos leave and join, a second activation of this
    /// technician can exist for a moment and accept a case this one never saw (the refusal would send a case the
    /// technician holds back to its customer as a conflict). Rare, so one read of storage is cheap: if it moved on since
    /// this activation loaded, what is stored is taken and this activation is dropped once idle, so the next call starts
    /// from storage with nothing derived from the old state.</summary>
    private async Task<bool> CaughtUpWithStorageAsync()
    {
        var loaded = state.Etag;
        await state.ReadStateAsync();
        if (state.Etag == loaded)
        {
            return false;
        }
        _load = null;
        _held = null;
        DeactivateOnIdle();
        logger.StaleActivationCaughtUp(Id);
        return true;
    }

    public Task<ImmutableArray<Assignment>> GetAssignmentsAsync() => Task.FromResult(OrderedAssignments());

    public Task<TechnicianStatus?> GetStatusAsync() => Task.FromResult(S.Registered ? Status() : null);

    private int Load => _load ??= SumOfWeights(S.Assignments.Values);

    private static int SumOfWeights(IEnumerable<Assignment> assignments)
    {
        var sum = 0;
        foreach (var assignment in assignments)
        {
            sum += assignment.Weight;
        }
        return sum;
    }

    private ImmutableArray<Assignment> OrderedAssignments() =>
        [.. S.Assignments.Values.OrderBy(a => a.AssignedAt).ThenBy(a => a.CaseNumber, StringComparer.Ordinal)];

    /// <summary>The technician's home shard of its department-region (the department-region key when unsharded).</summary>
    private string DepartmentKey => shards.HomeOf(S.Department, S.Region, Id);

    private IDepartmentGrain Department() => GrainFactory.GetGrain<IDepartmentGrain>(DepartmentKey);

    /// <summary>Persists a change of the routing view, then schedules the push (the write comes first: a
    /// department must never see a load the technician could lose in a crash).</summary>
    private async Task CommitAndTellAsync(bool pushNow = false)
    {
        S.Sequence++;
        S.Version++;
        await state.WriteOrResetAsync(this);
        SchedulePush(pushNow);
    }

    /// <summary>Schedules one push of the latest status: after <see cref="PushDelay"/>, so a burst of changes costs one
    /// message, or in the next turn when <paramref name="now"/> (which also brings forward a push already pending).</summary>
    private void SchedulePush(bool now = false)
    {
        if (_pushPending && !now)
        {
            return;
        }
        _pushPending = true;
        _pushTimer ??= this.RegisterGrainTimer(
            PushAsync,
            new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        _pushTimer.Change(now ? TimeSpan.Zero : PushDelay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>One one-way push with the latest status for every change since the last push.</summary>
    private async Task PushAsync(CancellationToken cancellationToken)
    {
        _pushPending = false;
        if (S.Registered && S.Sequence > _pushedSequence)
        {
            _pushedSequence = S.Sequence;
            await Department().TechnicianUpdatedAsync(Status());
        }
    }

    private TechnicianStatus Status() => S.Registered
        ? new TechnicianStatus(Id, S.Department, S.Region, S.Capacity, Load, S.OnShift, S.Skills, S.LastAssignedAt, S.Sequence)
        {
            Away = S.Away,
            Completed = [.. S.RecentCompletions],
            Held = Held,
        }
        // Sequence 0 is older than any real status, so a department never lets this replace one.
        : new TechnicianStatus(Id, default, "", 0, 0, false, [], null, 0);

    private CommandError? Precheck(int? expectedVersion)
    {
        if (!S.Registered)
        {
            return CommandError.NotFound($"Technician {Id} does not exist.");
        }
        if (expectedVersion is { } expected && expected != S.Version)
        {
            return CommandError.StaleVersion(expected, S.Version);
        }
        return null;
    }

    private CommandError? Validate(RegisterTechnicianRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > FieldLimits.Name)
        {
            return CommandError.Invalid("name", $"A technician needs a name of 1 to {FieldLimits.Name} characters.");
        }
        if (!Enum.IsDefined(request.Department))
        {
            return CommandError.Invalid("department", "Department must be customer-service, technical-support, installation or maintenance.");
        }
        if (!options.Value.Regions.Contains(request.Region, StringComparer.Ordinal))
        {
            return CommandError.Invalid("region", $"Region '{request.Region}' is not served; served regions: {string.Join(", ", options.Value.Regions)}.");
        }
        if (request.Capacity is < FieldLimits.CapacityMin or > MaxCapacity)
        {
            return CommandError.Invalid("capacity", $"Capacity must be between 1 and {MaxCapacity}.");
        }
        return ValidateSkills(request.Skills);
    }

    private static CommandError? ValidateSkills(ImmutableArray<Skill> given)
    {
        var skills = given.IsDefault ? [] : given;
        if (skills.Length > MaxSkills)
        {
            return CommandError.Invalid("skills", $"A technician lists at most {MaxSkills} skills.");
        }
        for (var i = 0; i < skills.Length; i++)
        {
            if (skills[i] is null || string.IsNullOrWhiteSpace(skills[i].Name) || skills[i].Name.Length > FieldLimits.SkillName)
            {
                return CommandError.Invalid($"skills[{i}].name", $"A skill needs a name of 1 to {FieldLimits.SkillName} characters.");
            }
            if (skills[i].Level is < FieldLimits.SkillLevelMin or > FieldLimits.SkillLevelMax)
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

    private TechnicianSnapshot ToSnapshot() => new(
        Id, S.Name, S.Department, S.Region, S.Skills, S.Capacity, S.OnShift,
        OrderedAssignments(), Load, S.CreatedAt, S.Version)
    {
        Presence = S.Presence,
        ShiftPattern = [.. S.ShiftPattern],
        TimeZone = Zone.Id,
        PresenceHeldUntil = S.PresenceHeldUntil,
    };
}
