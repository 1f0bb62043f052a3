using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Domain.Privacy;
using AfterSales.Domain.Surveys;
using AfterSales.Technicians;
using Microsoft.Extensions.Logging;

namespace AfterSales.Surveys;

/// <summary>One satisfaction survey, keyed by its token: what the customer sees, the one response, and the facts it
/// counts in the aggregates of its technician, department × region and region.</summary>
/// <remarks>
/// Expiry needs no timer: the survey stores its expiry and compares it with the clock on every request, so it is
/// exact, survives restarts and costs nothing while nobody asks. The facts are reported after each write (an issue
/// reports its own beside its write) and the aggregates count each once by survey id and kind; a report that fails is
/// retried by a reminder until it succeeds, a repeated issue (the case checking its surveys) reports them again.
/// The survey awaits its customer, technician and aggregate shards, which await no grain; it tells its case one-way,
/// so a case awaiting a survey is never in a cycle.
/// </remarks>
internal sealed class SurveyGrain(
    [PersistentState("survey", StorageNames.Main)] IPersistentState<SurveyState> state,
    RegionCalendars calendars,
    TimeProvider time,
    ILogger<SurveyGrain> logger) : Grain, ISurveyGrain, IRemindable
{
    internal const string ReportReminder = "survey-report";

    private SurveyState S => state.State;

    public async Task<SurveyResponse?> IssueAsync(SurveyIssue issue)
    {
        if (S.Issue is { } held)
        {
            if (held.SurveyId != issue.SurveyId)
            {
                // 192 random bits: a second survey on the same token is a programming error, never a collision.
                throw new InvalidOperationException($"Survey {held.SurveyId} already holds this token.");
            }
            await ReportAsync(tellCase: false);
            return S.Response;
        }
        var customer = GrainFactory.GetGrain<ICustomerGrain>(issue.CustomerId).GetAsync();
        var technician = issue.TechnicianId is { } technicianId
            ? GrainFactory.GetGrain<ITechnicianGrain>(technicianId).GetAsync()
            : Task.FromResult<TechnicianSnapshot?>(null);
        S.Language = SurveyQuestions.LanguageFor((await customer)?.Language);
        S.TechnicianName = (await technician)?.Name;
        S.Issue = issue;
        // The issue's fact is counted beside the write, not after it: a failed write is retried with the same issue
        // (counted once), a withdrawn survey uncounts it.
        await Task.WhenAll(state.WriteOrResetAsync(this), RecordFactsAsync(issue));
        logger.SurveyIssued(issue.SurveyId, issue.CaseNumber, issue.Source);
        return null;
    }

    public async Task WithdrawAsync(Guid surveyId)
    {
        if (S.Issue is not { } issue || issue.SurveyId != surveyId)
        {
            return;
        }
        await Task.WhenAll(Shards(issue).Distinct().Select(key => GrainFactory.GetGrain<ISurveyResultsShardGrain>(key).ForgetAsync(surveyId)));
        await state.ClearStateAsync();
        logger.SurveyWithdrawn(surveyId, issue.CaseNumber);
        DeactivateOnIdle();
    }

    public Task<SurveyView?> GetAsync() => Task.FromResult(View());

    public async Task<bool> ErasePersonalDataAsync()
    {
        if (S.Issue is not { } issue)
        {
            return false;
        }
        var comment = S.Response is { Answer.Comment: { Length: > 0 } held } && held != ErasedText.Value;
        if (!comment && issue.Subject == ErasedText.Value)
        {
            return false;
        }
        S.Issue = issue with { Subject = ErasedText.Value };
        if (comment)
        {
            S.Response = S.Response! with { Answer = S.Response.Answer with { Comment = ErasedText.Value } };
        }
        await state.WriteOrResetAsync(this);
        return comment;
    }

    public async Task<SurveyResult> RespondAsync(SurveyAnswer answer)
    {
        if (S.Issue is not { } issue)
        {
            return new SurveyResult(SurveyOutcome.NotFound, null);
        }
        if (SurveyRules.Validate(answer) is { } invalid)
        {
            return new SurveyResult(SurveyOutcome.Invalid, View(), invalid.Field, invalid.Message);
        }
        var given = SurveyRules.Normalise(answer);
        if (S.Response is { } stored)
        {
            if (stored.Answer != given)
            {
                return new SurveyResult(SurveyOutcome.AlreadyAnswered, View());
            }
            // The same answer again: a retry after an unknown outcome. Whatever the first attempt left unreported goes now.
            await ReportAsync(tellCase: true);
            return new SurveyResult(SurveyOutcome.Replayed, View());
        }
        var now = time.GetUtcNow();
        if (SurveyRules.IsExpired(issue.ExpiresAt, now))
        {
            return new SurveyResult(SurveyOutcome.Expired, View());
        }
        S.Response = new SurveyResponse(given, now);
        await state.WriteOrResetAsync(this);
        logger.SurveyAnswered(issue.SurveyId, issue.CaseNumber);
        await ReportAsync(tellCase: true);
        return new SurveyResult(SurveyOutcome.Accepted, View());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReportReminder)
        {
            return;
        }
        if (S.Issue is null || await ReportAsync(tellCase: true))
        {
            await this.DropAsync(ReportReminder);
        }
    }

    /// <summary>Reports the facts (and, when asked, tells the case of the response); on a failure keeps a reminder that
    /// tries again. True when everything went.</summary>
    private async Task<bool> ReportAsync(bool tellCase)
    {
        var issue = S.Issue!;
        try
        {
            await RecordFactsAsync(issue);
            if (tellCase && S.Response is { } response)
            {
                await GrainFactory.GetGrain<ICaseGrain>(issue.CaseNumber).OnSurveyAnsweredAsync(new SurveyAnswered(
                    issue.SurveyId, issue.Source, response.Answer.Score, response.Answer.Nps, response.AnsweredAt));
            }
            return true;
        }
        catch (Exception exception)
        {
            logger.ReportFailed(exception, issue.SurveyId);
            await this.KeepAsync(ReportReminder);
            return false;
        }
    }

    private Task RecordFactsAsync(SurveyIssue issue)
    {
        var calendar = calendars.For(issue.Region);
        var facts = new List<SurveyFact> { new(issue.SurveyId, SurveyFactKind.Issued, calendar.DateOf(issue.IssuedAt)) };
        if (S.Response is { } response)
        {
            facts.Add(new SurveyFact(issue.SurveyId, SurveyFactKind.Responded, calendar.DateOf(response.AnsweredAt),
                response.Answer.Score, response.Answer.Nps));
        }
        return Task.WhenAll(facts
            .SelectMany(fact => SurveyResultKeys.ShardsFor(issue, fact).Select(key => (key, fact)))
            .GroupBy(pair => pair.key, pair => pair.fact)
            .Select(group => GrainFactory.GetGrain<ISurveyResultsShardGrain>(group.Key).RecordAsync([.. group])));
    }

    /// <summary>Every shard the survey's facts can be counted in (for a withdrawal: the issue's, and a response's of any day
    /// cannot exist yet).</summary>
    private IEnumerable<string> Shards(SurveyIssue issue) =>
        SurveyResultKeys.ShardsFor(issue, new SurveyFact(issue.SurveyId, SurveyFactKind.Issued, calendars.For(issue.Region).DateOf(issue.IssuedAt)));

    private SurveyView? View() => S.Issue is { } issue
        ? new SurveyView(issue.CaseNumber, issue.Subject, S.TechnicianName, S.Language, issue.Trigger,
            SurveyQuestions.For(S.Language), issue.IssuedAt, issue.ExpiresAt, SurveyRules.IsExpired(issue.ExpiresAt, time.GetUtcNow()), S.Response)
        : null;
}
