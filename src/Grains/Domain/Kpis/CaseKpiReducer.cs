using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.CaseList;
using AfterSales.Cases;

namespace AfterSales.Domain.Kpis;

/// <summary>Folds one case event into the case's <see cref="CaseKpiFacts"/>. Called by the case-list reducer for every
/// event it applies, so each event counts once (the feed applies a case's events once, in order) and a rebuild gives
/// the same facts.</summary>
internal static partial class CaseKpiReducer
{
    public static CaseKpiFacts? Apply(CaseKpiFacts? facts, DateTimeOffset at, string kind, string? details)
    {
        var current = facts ?? CaseKpiFacts.None;
        var next = kind switch
        {
            "start" => current with { FirstResponseAt = current.FirstResponseAt ?? at },
            CaseEventKinds.Note when details?.StartsWith("customer note", StringComparison.Ordinal) == true =>
                current with { FirstResponseAt = current.FirstResponseAt ?? at },
            "reopen" => current with { ReopenCount = current.ReopenCount + 1 },
            CaseEventKinds.VisitRecorded => Visit(current, at, details),
            CaseEventKinds.SlaBreached => Breach(current, at, details),
            CaseEventKinds.SurveyAnswered => Survey(current, at, details),
            CaseEventKinds.ComplaintFiled => current with { ComplaintCount = current.ComplaintCount + 1 },
            _ => current,
        };
        return ReferenceEquals(next, current) ? facts : next;
    }

    /// <summary><c>visit 2 by T-7: fixed, 45 min on site, 2 parts</c>.</summary>
    private static CaseKpiFacts Visit(CaseKpiFacts facts, DateTimeOffset at, string? details)
    {
        var match = VisitText().Match(details ?? "");
        var minutes = match.Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
        var fixedNow = match.Success && match.Groups["outcome"].Value == "fixed";
        return facts with
        {
            VisitCount = facts.VisitCount + 1,
            FirstVisitFixed = facts.VisitCount == 0 ? fixedNow : facts.FirstVisitFixed,
            VisitMinutes = facts.VisitMinutes + minutes,
            LastVisitAt = at,
        };
    }

    /// <summary>The target is the first of <c>firstResponse</c>, <c>nextUpdate</c>, <c>resolution</c> named in the
    /// details; the breach counts at the event's time, once per target.</summary>
    private static CaseKpiFacts Breach(CaseKpiFacts facts, DateTimeOffset at, string? details) =>
        TargetText().Match(details ?? "").Value switch
        {
            "firstResponse" => facts with { ResponseBreachedAt = facts.ResponseBreachedAt ?? at },
            "resolution" => facts with { ResolutionBreachedAt = facts.ResolutionBreachedAt ?? at },
            _ => facts,
        };

    /// <summary><c>resolution: survey {id}, score 4, nps 9</c>.</summary>
    private static CaseKpiFacts Survey(CaseKpiFacts facts, DateTimeOffset at, string? details)
    {
        var match = SurveyText().Match(details ?? "");
        if (!match.Success)
        {
            return facts;
        }
        var score = int.Parse(match.Groups["score"].Value, CultureInfo.InvariantCulture);
        var nps = int.Parse(match.Groups["nps"].Value, CultureInfo.InvariantCulture);
        return facts with
        {
            SurveyAnswers = facts.SurveyAnswers + 1,
            SurveySatisfied = facts.SurveySatisfied + (score >= 4 ? 1 : 0),
            NpsPromoters = facts.NpsPromoters + (nps >= 9 ? 1 : 0),
            NpsDetractors = facts.NpsDetractors + (nps <= 6 ? 1 : 0),
            LastSurveyAt = at,
        };
    }

    [GeneratedRegex(@"^visit \d+(?: by [^:]+)?: (?<outcome>[A-Za-z]+), (?<minutes>\d{1,6}) min on site", RegexOptions.CultureInvariant)]
    private static partial Regex VisitText();

    [GeneratedRegex(@"\b(firstResponse|nextUpdate|resolution)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TargetText();

    [GeneratedRegex(@"score (?<score>\d{1,2}), nps (?<nps>\d{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex SurveyText();
}
