using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using AfterSales.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Idempotency;

/// <summary>Decides which resource a create request addresses. Without an <c>Idempotency-Key</c> it is a new id;
/// with one, the key is claimed for the request's hash, and a repeat of the same request within the key's retention
/// gets the resource bound on first use (a different request with the key is refused with 422).</summary>
internal static class IdempotentCreate
{
    /// <summary>The scopes of the create routes (a key is only ever compared within its route).</summary>
    public const string Customers = "customers";
    public const string Devices = "devices";
    public const string Technicians = "technicians";
    public const string Cases = "cases";
    public const string Contracts = "contracts";
    public const string Complaints = "complaints";

    public static async Task<(string? ResourceId, ProblemHttpResult? Problem)> ResolveAsync(
        IGrainFactory grains, string scope, string? idempotencyKey, string requestHash, ResourceIdSource ids)
    {
        if (idempotencyKey is null)
        {
            return (await ids.New(), null);
        }
        var claim = await ids.Claim(grains.GetGrain<IIdempotencyGrain>(GrainKeys.Idempotency(scope, idempotencyKey)), requestHash);
        if (claim.Outcome == IdempotencyOutcome.Mismatch)
        {
            return (null, ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, ApiHeaders.IdempotencyKey,
                "This idempotency key was already used with a different request body; use a new key for a new request."));
        }
        return (claim.ResourceId, null);
    }

    /// <summary>The whole create after validation: settles the resource id (<see cref="ResolveAsync"/>), asks its grain
    /// to create it (the grain records the key and hash with the change), and answers 201 with its location, or the
    /// grain's refusal as ProblemDetails. A replay answers the same 201, marked as replayed.</summary>
    /// <param name="route">The collection's path, e.g. <c>/api/customers</c>; the resource id is appended.</param>
    /// <param name="decorate">Adds headers of the created resource (e.g. its ETag).</param>
    public static async Task<Results<Created<TResponse>, ProblemHttpResult>> ExecuteAsync<TSnapshot, TResponse>(
        IGrainFactory grains,
        HttpResponse response,
        string scope,
        string? idempotencyKey,
        string requestHash,
        ResourceIdSource ids,
        Func<string, Task<Result<TSnapshot>>> create,
        Func<CommandError, ProblemHttpResult> refusal,
        string route,
        Func<TSnapshot, TResponse> map,
        Action<TSnapshot, HttpResponse>? decorate = null)
        where TSnapshot : class
    {
        var (resourceId, problem) = await ResolveAsync(grains, scope, idempotencyKey, requestHash, ids);
        if (problem is not null)
        {
            return problem;
        }
        var result = await create(resourceId!);
        if (result.Error is { } error)
        {
            return refusal(error);
        }
        if (result.Replayed)
        {
            MarkReplayed(response);
        }
        decorate?.Invoke(result.Value!, response);
        return TypedResults.Created($"{route}/{Uri.EscapeDataString(resourceId!)}", map(result.Value!));
    }

    /// <summary>Marks an answer that repeats the original one.</summary>
    public static void MarkReplayed(HttpResponse response) => response.Headers[ApiHeaders.IdempotentReplayed] = "true";
}
