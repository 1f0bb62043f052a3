using AfterSales.Access;
using AfterSales.Api.Access;
using AfterSales.Api.Complaints;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Customers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Customers;

/// <summary><c>/api/customers</c>: register, read, list recent cases, look up by phone.</summary>
internal static class CustomersApi
{
    public const string LookupSegment = "lookup";

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Customers");

        group.MapPost("", CreateCustomer)
            .WithName(nameof(CreateCustomer))
            .WithSummary("Register a customer")
            .WithDescription("Phones are normalised to E.164 and emails lower-cased. Send an Idempotency-Key to make retries safe: "
                + "the same key and body return the original answer (with Idempotent-Replayed: true), a different body 422.")
            .ProducesProblems(400, 409, 413, 415, 422);

        group.MapGet($"/{LookupSegment}", LookupCustomers)
            .WithName(nameof(LookupCustomers))
            .WithSummary("Find the customers listing a phone number")
            .WithDescription("Caller-id lookup for a PBX or CTI screen-pop: the number is normalised to E.164 first, so "
                + "+86 138 0013 8000 and 13800138000 find the same customers. No match is an empty list, not a 404.")
            .ProducesProblems(400);

        group.MapGet("/{id}", GetCustomer)
            .WithName(nameof(GetCustomer))
            .WithSummary("Get a customer")
            .WithDescription("The customer 360: profile, phones, emails, tier, language, devices and the most recent cases.")
            .ProducesProblems(400, 404);

        group.MapGet("/{id}/cases", GetCustomerCases)
            .WithName(nameof(GetCustomerCases))
            .WithSummary("List a customer's most recent cases, newest first")
            .WithDescription("At most 20 summaries: number, type, status, department and technician of each case.")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Created<CustomerResponse>, ProblemHttpResult>> CreateCustomer(
        CreateCustomerRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        InputRules rules,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(idempotencyKey);
        var (id, command) = request.Validate(rules, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var hash = RequestHash.Of(IdempotentCreate.Customers, new { id, command });
        return await IdempotentCreate.ExecuteAsync(grains, response, IdempotentCreate.Customers, key, hash,
            ResourceIdSource.Proposed(id ?? ResourceIds.New(ResourceIds.CustomerPrefix)),
            customerId => grains.GetGrain<ICustomerGrain>(customerId).RegisterAsync(command! with { IdempotencyKey = key, RequestHash = hash }),
            error => error.ToProblem("id"),
            "/api/customers", CustomerResponse.From);
    }

    public static async Task<Results<Ok<CustomerLookupResponse>, ProblemHttpResult>> LookupCustomers(
        [FromQuery] string? phone, InputRules rules, IGrainFactory grains, HttpContext context)
    {
        var errors = new ValidationErrors();
        var e164 = rules.Phone(errors, "phone", phone);
        if (e164 is null)
        {
            return errors.ToProblem();
        }
        var ids = await grains.GetGrain<IPhoneIndexGrain>(e164).GetCustomerIdsAsync();
        // A CTI key looks up any caller (its scope is the whole phone book); a person sees the customers within reach.
        var caller = context.Caller();
        var customers = await Task.WhenAll(ids.OrEmpty().Select(id => caller.Kind == CallerKind.ApiKey
            ? grains.GetGrain<ICustomerGrain>(id).GetAsync()
            : grains.GetGrain<ICustomerGrain>(id).GetForAsync(caller)));
        return TypedResults.Ok(new CustomerLookupResponse(e164, [.. customers.OfType<CustomerSnapshot>().Select(CustomerResponse.From)]));
    }

    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> GetCustomer(string id, IGrainFactory grains, HttpContext context)
    {
        var (customer, problem) = await FindAsync(id, grains, context.Caller());
        return customer is null
            ? problem!
            : TypedResults.Ok(CustomerResponse.From(customer) with { OpenComplaints = await ComplaintLists.OpenOfCustomerAsync(grains, id) });
    }

    public static async Task<Results<Ok<CaseSummaryResponse[]>, ProblemHttpResult>> GetCustomerCases(string id, IGrainFactory grains, HttpContext context)
    {
        var (customer, problem) = await FindAsync(id, grains, context.Caller());
        return customer is null ? problem! : TypedResults.Ok(customer.RecentCases.OrEmpty().Select(CaseSummaryResponse.From).ToArray());
    }

    private static async Task<(CustomerSnapshot? Customer, ProblemHttpResult? Problem)> FindAsync(string id, IGrainFactory grains, CallerScope caller)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("id", id) is null)
        {
            return (null, errors.ToProblem());
        }
        // The grain checks the caller's reach itself: a customer out of reach is answered as one that does not exist.
        var customer = await grains.GetGrain<ICustomerGrain>(id).GetForAsync(caller);
        return customer is null ? (null, ApiProblems.NotFound("id", $"No customer has the id '{id}'.")) : (customer, null);
    }
}
