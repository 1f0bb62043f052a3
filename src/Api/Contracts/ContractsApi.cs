using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Contracts;

/// <summary><c>/api/contracts</c>: service contracts covering a customer's devices.</summary>
internal static class ContractsApi
{
    public static RouteGroupBuilder MapContractsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contracts").WithTags("Contracts");

        group.MapPost("", CreateContract)
            .WithName(nameof(CreateContract))
            .WithSummary("Create a service contract for some of a customer's devices")
            .WithDescription("The id is minted (SC-…). The customer and every device must exist (404 on customerId or "
                + "deviceSerials[i]); a device of another customer is 422 on deviceSerials[i]; a contract that ends before it "
                + "starts is 400 on end. Each device records the contract: cases about it opened within the period record its "
                + "tier and coverage. Send an Idempotency-Key to make retries safe.")
            .ProducesProblems(400, 404, 409, 413, 415, 422);

        group.MapGet("/{id}", GetContract)
            .WithName(nameof(GetContract))
            .WithSummary("Get a service contract")
            .WithDescription("Its customer, tier, coverage, period and devices. Each device shows the contract too (GET /api/devices/{serial}).")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Created<ContractResponse>, ProblemHttpResult>> CreateContract(
        CreateContractRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(idempotencyKey);
        var actor = errors.Actor(actorHeader);
        var command = request.ToContract(errors, actor ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var hash = RequestHash.Of(IdempotentCreate.Contracts, command! with { Actor = "" });
        return await IdempotentCreate.ExecuteAsync(grains, response, IdempotentCreate.Contracts, key, hash,
            ResourceIdSource.Proposed($"SC-{Guid.CreateVersion7():N}"),
            id => grains.GetGrain<IServiceContractGrain>(id).CreateAsync(command with { IdempotencyKey = key, RequestHash = hash }),
            error => error.ToProblem("customerId"),
            "/api/contracts", ContractResponse.From);
    }

    public static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> GetContract(string id, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("id", id) is null)
        {
            return errors.ToProblem();
        }
        var contract = await grains.GetGrain<IServiceContractGrain>(id).GetAsync();
        return contract is null
            ? ApiProblems.NotFound("id", $"No service contract has the id '{id}'.")
            : TypedResults.Ok(ContractResponse.From(contract));
    }
}
