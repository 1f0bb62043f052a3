using AfterSales.Api.Audit;
using AfterSales.Api.Hosting;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Complaints;
using AfterSales.Cti;
using AfterSales.Customers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace AfterSales.Api.Privacy;

/// <summary><c>POST /api/customers/{customerId}/erase</c>: the GDPR erase of a customer's personal data, for admins.</summary>
internal static class PrivacyApi
{
    public static RouteGroupBuilder MapPrivacyApi(this RouteGroupBuilder api)
    {
        api.MapPost("/customers/{customerId}/erase", EraseCustomer)
            .WithName(nameof(EraseCustomer))
            .WithTags("Customers")
            .WithSummary("Erase a customer's personal data (GDPR)")
            .WithDescription("Removes the name, phones and e-mails from the customer and the caller-id index (a lookup by those numbers "
                + "no longer finds the customer), blanks the case subjects of the customer 360, replaces the subject, description, "
                + "resolution summary and notes of every case of the customer with \"[erased]\" (cases: those the case list knows, and the "
                + "customer's 20 most recent, which cover a case opened just before the erase that the list has not caught up with), rewrites the personal texts of "
                + "those cases' earlier events in the event journal (journalEvents), erases their survey comments (surveyComments) and removes the "
                + "phone numbers from the customer's CTI calls and call-log lines (calls) and replaces the texts of the customer's complaints (complaints); keeps the id, devices, cases, call times and outcomes and "
                + "the audit record (ids only). Idempotent: a repeat answers 200 with alreadyErased true. What is and is not "
                + "erased, and why: docs/PRIVACY.md. Admins only (role admin, policy PersonalDataErasers).")
            .RequireAuthorization(AuditPolicies.PersonalDataErasers)
            .ProducesProblems(400, 404)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == "customerId"))
                {
                    parameter.Description = "The customer's id.";
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String, MinLength = 1, MaxLength = Limits.Identifier, Pattern = Limits.IdentifierPattern,
                    };
                }
                return Task.CompletedTask;
            });
        return api;
    }

    public static async Task<Results<Ok<CustomerErasureResponse>, ProblemHttpResult>> EraseCustomer(
        string customerId, IGrainFactory grains, HttpContext context, ILogger<CustomerErasureResponse> logger)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("customerId", customerId) is null)
        {
            return errors.ToProblem();
        }
        var erasure = await grains.GetGrain<ICustomerGrain>(customerId).EraseAsync();
        if (erasure is null)
        {
            return ApiProblems.NotFound("customerId", $"No customer has the id '{customerId}'.");
        }
        // Every case of the customer the case list knows, also on a repeat (a case the list had not caught up with the
        // first time is reached now); a case erased before answers false and is not counted again.
        var cases = await EraseCasesAsync(grains, customerId);
        var calls = await EraseCallsAsync(grains, customerId);
        var complaints = await EraseComplaintsAsync(grains, customerId);
        if (!erasure.AlreadyErased)
        {
            var actor = AuditCaller.Of(context.User).Actor;
            logger.CustomerErased(customerId, actor, erasure.Phones, erasure.Emails, erasure.CaseSubjects);
        }
        return TypedResults.Ok(CustomerErasureResponse.From(erasure, cases, calls, complaints));
    }

    /// <summary>Pages through the customer's cases in the case list and erases each one's texts, a page at a time; then
    /// the customer's recent cases the list did not name. The list follows the event journal and can be a moment
    /// behind, so a case opened just before the erase may not be in it yet; the customer keeps its newest cases itself,
    /// written with every case change, and those cover that moment.</summary>
    private static async Task<CaseErasureCounts> EraseCasesAsync(IGrainFactory grains, string customerId)
    {
        var list = grains.GetGrain<ICaseListGrain>(0);
        var query = new CaseListQuery { Customers = [customerId], Limit = 200 };
        var counts = CaseErasureCounts.None;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await list.QueryAsync(query);
            reached.UnionWith(page.Rows.Select(row => row.Number));
            counts = counts.Add(await EraseAsync(grains, customerId, page.Rows.Select(row => row.Number)));
            if (page.Next is not { } next)
            {
                break;
            }
            query = query with { After = next };
        }
        var recent = await grains.GetGrain<ICustomerGrain>(customerId).GetRecentCasesAsync();
        return counts.Add(await EraseAsync(grains, customerId, recent.Select(c => c.Number).Where(number => !reached.Contains(number))));
    }

    /// <summary>Erases the texts of <paramref name="numbers"/>; a case erased before, or not the customer's, counts nothing.</summary>
    private static async Task<CaseErasureCounts> EraseAsync(IGrainFactory grains, string customerId, IEnumerable<string> numbers)
    {
        var done = await Task.WhenAll(numbers.Select(number => grains.GetGrain<ICaseGrain>(number).EraseCustomerDataAsync(customerId)));
        return done.OfType<CaseErasure>().Aggregate(CaseErasureCounts.None, (sum, one) => sum.Add(one));
    }

    /// <summary>Erases the numbers of every call matched to the customer; the call grains are asked from here, not by
    /// the customer's call list, so no grain awaits another in a cycle.</summary>
    private static async Task<int> EraseCallsAsync(IGrainFactory grains, string customerId)
    {
        var callIds = await grains.GetGrain<ICustomerCallsGrain>(customerId).GetCallIdsAsync();
        var done = await Task.WhenAll(callIds.Select(callId => grains.GetGrain<ICtiCallGrain>(CtiKeys.Call(callId)).ErasePersonalDataAsync(customerId)));
        return done.Count(changed => changed);
    }

    /// <summary>Erases the texts of the customer's complaints, found through the customer's complaint list.</summary>
    private static async Task<int> EraseComplaintsAsync(IGrainFactory grains, string customerId)
    {
        var list = await grains.GetGrain<IComplaintIndexGrain>(GrainKeys.ComplaintIndex(ComplaintSubject.Customer, customerId))
            .ListAsync(openOnly: false, ComplaintLimits.PageMax);
        var done = await Task.WhenAll(list.Items.Select(item => grains.GetGrain<IComplaintGrain>(item.Id).ErasePersonalDataAsync(customerId)));
        return done.Count(changed => changed);
    }
}

/// <summary>What an erase changed in the customer's cases, summed.</summary>
internal sealed record CaseErasureCounts(int Cases, int JournalEvents, int SurveyComments)
{
    public static CaseErasureCounts None { get; } = new(0, 0, 0);

    public CaseErasureCounts Add(CaseErasure one) => new(Cases + 1, JournalEvents + one.Events, SurveyComments + one.SurveyComments);

    public CaseErasureCounts Add(CaseErasureCounts other) =>
        new(Cases + other.Cases, JournalEvents + other.JournalEvents, SurveyComments + other.SurveyComments);
}

/// <summary>What an erase removed: counts only, nothing of what was erased.</summary>
/// <param name="CustomerId">The customer, whose id stays.</param>
/// <param name="ErasedAt">When the personal data was erased (the first erase).</param>
/// <param name="AlreadyErased">True when an earlier erase had removed it all already.</param>
/// <param name="Name">Whether a name was removed.</param>
/// <param name="Phones">Phone numbers removed, each from the caller-id index too.</param>
/// <param name="Emails">E-mail addresses removed.</param>
/// <param name="CaseSubjects">Case subjects blanked in the customer's recent-case list.</param>
/// <param name="Cases">Cases whose subject, description, resolution summary and notes this erase replaced with
/// "[erased]" (those the case list knows; 0 on a repeat unless it found cases the first erase could not).</param>
/// <param name="JournalEvents">Events of those cases written before the erase whose personal texts were rewritten to
/// "[erased]" in the event journal (history, webhook redelivery and case-list rebuilds read them so).</param>
/// <param name="SurveyComments">Survey comments of those cases erased.</param>
/// <param name="Calls">Calls matched to the customer whose phone numbers this erase removed (call and call log).</param>
/// <param name="Complaints">Complaints of the customer whose description, notes, corrective action and earlier events'
/// texts this erase replaced with "[erased]".</param>
/// <param name="Kept">What an erase keeps, by name.</param>
internal sealed record CustomerErasureResponse(
    string CustomerId, DateTimeOffset ErasedAt, bool AlreadyErased, bool Name, int Phones, int Emails, int CaseSubjects, int Cases,
    int JournalEvents, int SurveyComments, int Calls, int Complaints, string[] Kept)
{
    public static CustomerErasureResponse From(CustomerErasure erasure, CaseErasureCounts cases, int calls, int complaints) => new(
        erasure.CustomerId, erasure.ErasedAt, erasure.AlreadyErased, erasure.Name, erasure.Phones, erasure.Emails, erasure.CaseSubjects,
        cases.Cases, cases.JournalEvents, cases.SurveyComments, calls, complaints,
        ["id", "region", "tier", "language", "devices", "cases", "callTimesAndOutcomes", "surveyScores", "complaintStatusAndTimes", "auditRecord"]);
}
