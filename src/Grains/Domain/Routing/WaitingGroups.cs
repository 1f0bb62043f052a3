using AfterSales.Departments;
using AfterSales.Routing;

namespace AfterSales.Domain.Routing;

/// <summary>
/// A department's waiting cases grouped by what they need (<see cref="WaitingReasons.KeyOf"/>): every case of a group
/// waits for the same kind of reason, so judging the queue costs one verdict per group, not a reason per case. It
/// keeps the kind each case was last told, so after a judgement the number of cases told another kind than their
/// group's is known without walking the queue (none, in a steady queue); and it explains one case's reason on demand
/// (for the view) from its group's last verdict. Pure.
/// </summary>
internal sealed class WaitingGroups
{
    private static readonly int KindCount = (int)Enum.GetValues<WaitingReasonKind>().Max() + 1;

    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private WaitingReasons? _judge;

    /// <summary>Cases tracked.</summary>
    public int Count => _members.Count;

    /// <summary>Groups: cases with the same needs.</summary>
    public int GroupCount => _groups.Count;

    /// <summary>Cases whose group was last judged a kind other than the one they were told (cases of a group formed
    /// after the last judgement are not counted until the next).</summary>
    public int Untold { get; private set; }

    /// <summary>One case of each group (they all need the same skills).</summary>
    public IEnumerable<QueuedCase> Representatives => _groups.Values.Select(g => g.Representative);

    /// <summary>Adds a case, or replaces it (its needs or what it was told changed).</summary>
    public void Track(QueuedCase queued)
    {
        Untrack(queued.CaseNumber);
        var key = WaitingReasons.KeyOf(queued);
        if (!_groups.TryGetValue(key, out var group))
        {
            _groups[key] = group = new Group(key, queued);
        }
        var told = queued.Waiting?.Kind;
        group.Add(told);
        _members[queued.CaseNumber] = new Member(group, told);
        if (group.IsUntold(told))
        {
            Untold++;
        }
    }

    /// <summary>Removes a case; false when it was not tracked.</summary>
    public bool Untrack(string caseNumber)
    {
        if (!_members.Remove(caseNumber, out var member))
        {
            return false;
        }
        if (member.Group.IsUntold(member.Told))
        {
            Untold--;
        }
        if (member.Group.Remove(member.Told) == 0)
        {
            _groups.Remove(member.Group.Key);
        }
        return true;
    }

    /// <summary>Judges every group with <paramref name="judge"/> (a group whose kind changed waits for it since
    /// <paramref name="now"/>); returns <see cref="Untold"/>.</summary>
    public int Judge(WaitingReasons judge, DateTimeOffset now)
    {
        _judge = judge;
        Untold = 0;
        foreach (var group in _groups.Values)
        {
            group.Judge(judge.KindOf(group.Representative, group.Key), now);
            Untold += group.UntoldCount;
        }
        return Untold;
    }

    /// <summary>True when the case was told another kind than its group was last judged.</summary>
    public bool IsUntold(QueuedCase queued) =>
        _members.TryGetValue(queued.CaseNumber, out var member) && member.Group.IsUntold(member.Told);

    /// <summary>The kind the case's group was last judged; null when not tracked or not judged since its group formed.</summary>
    public WaitingReasonKind? KindOf(string caseNumber) => _members.TryGetValue(caseNumber, out var member) ? member.Group.Kind : null;

    /// <summary>The case's reason by its group's last verdict, with <paramref name="casesAhead"/> cases before it; null
    /// when there is none yet (then what the case was told stands). The reason holds since the case was told this kind,
    /// or else since its group was judged it (not before the case joined).</summary>
    public WaitingReason? Explain(QueuedCase queued, int casesAhead)
    {
        if (_judge is null || !_members.TryGetValue(queued.CaseNumber, out var member) || member.Group.Kind is not { } kind)
        {
            return null;
        }
        var since = queued.Waiting is { } told && told.Kind == kind
            ? told.Since
            : (member.Group.Since > queued.EnqueuedAt ? member.Group.Since : queued.EnqueuedAt);
        return _judge.Explain(queued, member.Group.Key, casesAhead, since);
    }

    public void Clear()
    {
        _members.Clear();
        _groups.Clear();
        _judge = null;
        Untold = 0;
    }

    private sealed record Member(Group Group, WaitingReasonKind? Told);

    /// <summary>Cases with the same needs: how many were told each kind (index 0: told nothing yet), and the kind last
    /// judged for all of them.</summary>
    private sealed class Group(string key, QueuedCase representative)
    {
        private readonly int[] _told = new int[KindCount + 1];

        public string Key { get; } = key;

        public QueuedCase Representative { get; } = representative;

        public int Count { get; private set; }

        public WaitingReasonKind? Kind { get; private set; }

        public DateTimeOffset Since { get; private set; }

        public int UntoldCount => Kind is { } kind ? Count - _told[Slot(kind)] : 0;

        public bool IsUntold(WaitingReasonKind? told) => Kind is not null && told != Kind;

        public void Add(WaitingReasonKind? told)
        {
            _told[Slot(told)]++;
            Count++;
        }

        /// <summary>Returns the members left.</summary>
        public int Remove(WaitingReasonKind? told)
        {
            _told[Slot(told)]--;
            return --Count;
        }

        public void Judge(WaitingReasonKind kind, DateTimeOffset now)
        {
            if (Kind != kind)
            {
                Kind = kind;
                Since = now;
            }
        }

        private static int Slot(WaitingReasonKind? kind) => kind is { } k ? (int)k + 1 : 0;
    }
}
