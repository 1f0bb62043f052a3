using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Installation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Installation;

/// <summary><c>/api/shipments</c>: devices shipped to a customer, registered as shipped, each with an installation work
/// order in the window agreed with the customer.</summary>
internal static class ShipmentsApi
{
    public const string Scope = "shipments";
    private const string IdPrefix = "SH-";

    public static RouteGroupBuilder MapShipmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/shipments").WithTags("Installation");

        group.MapPost("", CreateShipment)
            .WithName(nameof(CreateShipment))
            .WithSummary("Record a shipment: register its devices and open their installation work orders")
            .WithDescription("Every device is registered to the customer as shipped (ship date and shipment kept on the device) and, "
                + "when an installationWindow is given, gets an installation work order (a case of type installation, routed to "
                + "the installation department of the customer's region with the model's installation skills). Everything that "
                + "can refuse the shipment is checked first — unknown customer 404 on customerId, unknown model 404 on "
                + "devices[i].model, a serial listed twice 400, a serial already registered 409 on devices[i].serial — so a refused "
                + "shipment changes nothing. Send an Idempotency-Key (or your own id) to make retries safe: a retry of a shipment "
                + "that was cut off half-way completes it and answers 201 with Idempotent-Replayed: true.")
            .WithRequestExample(InstallationExamples.Shipment)
            .ProducesProblems(400, 404, 409, 413, 415, 422);

        group.MapGet("/{id}", GetShipment)
            .WithName(nameof(GetShipment))
            .WithSummary("Get a shipment with its devices and work orders")
            .WithDescription("Each device with its installation work order's case number; status processing while steps are left.")
            .WithPathParameter("id", "The shipment id, e.g. SH-2026-0042.")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Created<ShipmentResponse>, ProblemHttpResult>> CreateShipment(
        CreateShipmentRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        [FromHeader(Name = ApiHeaders.Actor)] string? actor,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(idempotencyKey);
        var by = errors.Actor(actor);
        var (id, command) = request.Validate(errors, by ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var hash = RequestHash.Of(Scope, new { id, shipment = command! with { Actor = "" } });
        return await IdempotentCreate.ExecuteAsync(grains, response, Scope, key, hash, ResourceIdSource.Proposed(id ?? ResourceIds.New(IdPrefix)),
            shipmentId => grains.GetGrain<IShipmentGrain>(shipmentId).ShipAsync(command with { IdempotencyKey = key, RequestHash = hash }),
            error => error.ToProblem(ApiProblems.Body, notFoundField: "customerId"),
            "/api/shipments", ShipmentResponse.From);
    }

    public static async Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> GetShipment(string id, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("id", id) is null)
        {
            return errors.ToProblem();
        }
        var shipment = await grains.GetGrain<IShipmentGrain>(id).GetAsync();
        return shipment is null
            ? ApiProblems.NotFound("id", $"No shipment has the id '{id}'.")
            : TypedResults.Ok(ShipmentResponse.From(shipment));
    }
}
