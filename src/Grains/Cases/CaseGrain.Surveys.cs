using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Common;
using AfterSales.Domain.Surveys;
using AfterSales.Hosting;
using AfterSales.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Cases;

/// <summary>Satisfaction surveys: one per resolution and per visit, issued in the turn that records it.</summary>
/// <remarks>
/// The case mints the token, keeps the survey as a row and journals <c>surveyIssued</c> in the write that records the
/// resolution or visit, and hands the survey to its grain <i>beside</i> that write, not after it: a resolve still waits
/// for one durable commit. If the case's write fails, the survey is taken back. If the hand-off fails, a reminder hands
/// every survey not known answered over again (the survey takes a repeat once) until all went; if the process dies
/// mid-turn, the case does the same when it next activates — and a survey's link is only ever read from its case.
/// The survey tells the case of its response one-way; the same check picks up a lost one.
/// </remarks>
internal sealed partial class CaseGrain : IRemindable
{
    internal const int MaxSurveys = 200;
    internal const string SurveyHandOffReminder = "survey-hand-off";

    // The surveys in issue order, built once per change (every answer carries them).
    private ImmutableArray<CaseSurvey>? _surveys;

    private ImmutableArray<CaseSurvey> SurveyList => _surveys ??=
        [.. S.Surveys.Values.OrderBy(s => s.Order)];

    public async Task OnSurveyAnsweredAsync(SurveyAnswered answered)
    {
        if (S.Opened && TakeSurveyResponse(answered.Source, answered.SurveyId,
                new SurveyResponse(new SurveyAnswer(answered.Score, answered.Nps, null), answered.AnsweredAt)))
        {
            await CommitAsync(time.GetUtcNow());
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SurveyHandOffReminder && await CheckSurveysAsync())
        {
            await this.DropAsync(SurveyHandOffReminder);
        }
    }

    /// <summary>Mints a survey for a resolution or a visit (once per source), records it and returns it to hand over;
    /// null when the case takes no survey (no customer, a problem) or already holds one for this source.</summary>
    private CaseSurvey? IssueSurvey(SurveyTrigger trigger, int ordinal, string? technicianId, DateTimeOffset now, string actor)
    {
        var source = SurveyRules.Source(trigger, ordinal);
        if (S.CustomerId.Length == 0 || S.Type == CaseType.Problem || S.Surveys.ContainsKey(source) || S.Surveys.Count >= MaxSurveys)
        {
            return null;
        }
        var expiry = ServiceProvider.GetRequiredService<IOptions<SurveyOptions>>().Value.Expiry;
        var issue = new SurveyIssue(Guid.CreateVersion7(now), Number, trigger, source, S.CustomerId, technicianId, S.Subject,
            DepartmentNames.ToSlug(S.Department), S.Region, now, now + expiry);
        var survey = new CaseSurvey(SurveyTokens.New(), issue, S.Surveys.Count + 1);
        S.Surveys.Set(source, survey);
        _surveys = null;
        Record(now, actor, CaseEventKinds.SurveyIssued, null, null,
            string.Create(CultureInfo.InvariantCulture, $"{source}: survey {issue.SurveyId}, expires {issue.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z"));
        return survey;
    }

    /// <summary>Writes the case and hands <paramref name="survey"/> (if any) to its grain at the same time.</summary>
    private async Task CommitWithSurveyAsync(DateTimeOffset now, CaseSurvey? survey)
    {
        if (survey is null)
        {
            await CommitAsync(now);
            return;
        }
        var commit = CommitAsync(now);
        var handOff = HandOverAsync(survey);
        try
        {
            await commit;
        }
        catch
        {
            await handOff;
            await WithdrawSurveyAsync(survey);
            throw;
        }
        if (!(await handOff).Reached)
        {
            await this.KeepAsync(SurveyHandOffReminder);
        }
    }

    /// <summary>Hands a survey over: whether it reached its grain, and its response when it has one.</summary>
    private async Task<(bool Reached, SurveyResponse? Response)> HandOverAsync(CaseSurvey survey)
    {
        try
        {
            return (true, await Survey(survey).IssueAsync(survey.Issue));
        }
        catch (Exception exception)
        {
            logger.HandOffFailed(exception, Number, survey.Issue.SurveyId);
            return (false, null);
        }
    }

    private async Task WithdrawSurveyAsync(CaseSurvey survey)
    {
        try
        {
            await Survey(survey).WithdrawAsync(survey.Issue.SurveyId);
        }
        catch (Exception exception)
        {
            logger.WithdrawFailed(exception, Number, survey.Issue.SurveyId);
        }
    }

    /// <summary>After activation, in a turn of its own: check the surveys that may still be answered.</summary>
    private void ScheduleSurveyCheck()
    {
        if (SurveysToCheck(time.GetUtcNow()).Any())
        {
            this.RegisterGrainTimer(async _ =>
            {
                try
                {
                    await CheckSurveysAsync();
                }
                catch (Exception exception)
                {
                    logger.SurveyCheckFailed(exception, Number);
                }
            }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>Hands over again every survey not known answered that could have been answered (issued at most two expiry
    /// periods ago), and takes the responses they report. True when every one was reached.</summary>
    private async Task<bool> CheckSurveysAsync()
    {
        var now = time.GetUtcNow();
        var open = SurveysToCheck(now).ToArray();
        // The hand-offs touch no state of the case, so they go out together; the responses are taken after.
        var handed = await Task.WhenAll(open.Select(HandOverAsync));
        var reached = true;
        var changed = false;
        for (var i = 0; i < open.Length; i++)
        {
            reached &= handed[i].Reached;
            if (handed[i].Response is { } response)
            {
                changed |= TakeSurveyResponse(open[i].Issue.Source, open[i].Issue.SurveyId, response);
            }
        }
        if (changed)
        {
            await CommitAsync(now);
        }
        return reached;
    }

    private IEnumerable<CaseSurvey> SurveysToCheck(DateTimeOffset now) => SurveyList.Where(s =>
        s.Response is null && now < s.Issue.ExpiresAt + (s.Issue.ExpiresAt - s.Issue.IssuedAt));

    /// <summary>Records a survey's response on the case once; true when it is new (to be written).</summary>
    private bool TakeSurveyResponse(string source, Guid surveyId, SurveyResponse response)
    {
        if (!S.Surveys.TryGetValue(source, out var survey) || survey.Issue.SurveyId != surveyId || survey.Response is not null)
        {
            return false;
        }
        // The case keeps the scores, not the comment: the comment stays with the survey.
        S.Surveys.Set(source, survey with { Response = response with { Answer = response.Answer with { Comment = null } } });
        _surveys = null;
        Record(time.GetUtcNow(), "customer", CaseEventKinds.SurveyAnswered, null, null, string.Create(CultureInfo.InvariantCulture,
            $"{source}: survey {surveyId}, score {response.Answer.Score}, nps {response.Answer.Nps}"));
        return true;
    }

    private ImmutableArray<CaseSurveyView> SurveyViews()
    {
        var now = time.GetUtcNow();
        return [.. SurveyList.Select(s => new CaseSurveyView(s.Token, s.Issue, s.Response,
            s.Response is not null ? CaseSurveyState.Answered
            : SurveyRules.IsExpired(s.Issue.ExpiresAt, now) ? CaseSurveyState.Expired
            : CaseSurveyState.Open))];
    }

    private ISurveyGrain Survey(CaseSurvey survey) => GrainFactory.GetGrain<ISurveyGrain>(survey.Token);
}
