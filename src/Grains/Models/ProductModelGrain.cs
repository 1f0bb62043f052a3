using AfterSales.Common;
using AfterSales.Domain.Models;
using Microsoft.Extensions.Logging;

namespace AfterSales.Models;

/// <summary>
/// One product model of the catalogue. Nothing on a case's path calls it per case: each silo keeps a
/// <see cref="ProductModelCache"/>, told directly about changes made on its own silo. After each change the grain lists
/// the model in the <see cref="IProductModelCatalogGrain"/> (a read model: a failed listing is retried on the next
/// activation). A change of the maintenance plans is announced to the shards of the model's device index
/// (<see cref="IModelDevicesGrain"/>), which roll it out to the devices; a reminder registered before the change is
/// stored retries the announcement until every shard acknowledged it. It awaits only the catalogue and the shards, which
/// await nothing on the way, so any grain may await it.
/// </summary>
internal sealed class ProductModelGrain(
    [PersistentState("productModel", StorageNames.Main)] IPersistentState<ProductModelState> state,
    ProductModelCache cache,
    TimeProvider time,
    ILogger<ProductModelGrain> logger) : Grain, IProductModelGrain, IRemindable
{
    internal const string AnnounceReminder = "model-plans-announce";
    private string Code => field ??= this.GetPrimaryKeyString();

    private ProductModel? Model => state.State.Model;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Model is { } model)
        {
            cache.Observe(model);
            if (state.State.ListedVersion < state.State.DefinedVersion)
            {
                // Outside activation, so the catalogue's answer never holds this activation up.
                this.RegisterGrainTimer(_ => ListAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
            }
        }
        return Task.CompletedTask;
    }

    public async Task<Result<ProductModel>> DefineAsync(DefineProductModelRequest request)
    {
        if (request.ExpectedVersion is { } expected && expected != (Model?.Version ?? 0))
        {
            return Model is null && expected > 0
                ? CommandError.NotFound($"Product model {Code} does not exist, so it cannot be at version {expected}.")
                : CommandError.StaleVersion(expected, Model?.Version ?? 0);
        }
        if (!ProductModelValidator.IsIdentifier(Code))
        {
            return CommandError.Invalid("code", "A model code is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (ProductModelValidator.Validate(request).FirstOrDefault() is { } invalid)
        {
            return CommandError.Invalid(invalid.Field, invalid.Message);
        }
        var defined = ProductModels.Define(Code, request, Model, time.GetUtcNow());
        if (Model is null)
        {
            // No device has a model that did not exist: nothing to announce.
            state.State.AnnouncedPlansVersion = defined.PlansVersion;
        }
        var announce = defined.PlansVersion > state.State.AnnouncedPlansVersion;
        if (announce)
        {
            await this.RegisterOrUpdateReminder(AnnounceReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        state.State.Model = defined;
        state.State.DefinedVersion = defined.Version;
        await CommitAsync();
        logger.ModelDefined(Code, defined.Version);
        await ListAsync();
        if (announce)
        {
            await AnnouncePlansAsync();
        }
        return Result.Ok(defined);
    }

    public Task<ProductModel?> GetAsync() => Task.FromResult(Model);

    public async Task<Result<KnownSolution>> AddSolutionAsync(AddSolutionRequest request)
    {
        if (Model is null)
        {
            return CommandError.NotFound($"Product model {Code} does not exist.", "code");
        }
        var (changed, solution, error) = ProductModels.AddSolution(Model, request, time.GetUtcNow());
        if (error is not null)
        {
            return error;
        }
        if (ReferenceEquals(changed, Model))
        {
            return Result.Replay(solution!);
        }
        state.State.Model = changed;
        await CommitAsync();
        logger.SolutionAdded(Code, request.FaultCode, solution!.Id);
        return Result.Ok(solution);
    }

    public async Task OnSolutionUsedAsync(string solutionId)
    {
        if (Model is not null && ProductModels.CountUse(Model, solutionId, time.GetUtcNow()) is { } changed)
        {
            state.State.Model = changed;
            await CommitAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == AnnounceReminder)
        {
            await AnnouncePlansAsync();
        }
    }

    private async Task CommitAsync()
    {
        await state.WriteOrResetAsync(this);
        cache.Observe(Model!);
    }

    /// <summary>Tells every shard of the model's device index the plans version (each stores it and rolls it out to its
    /// devices by itself), then drops the reminder. A failure is logged and the reminder tries again a minute later.</summary>
    private async Task AnnouncePlansAsync()
    {
        var version = Model?.PlansVersion ?? 0;
        try
        {
            if (version > state.State.AnnouncedPlansVersion)
            {
                await Task.WhenAll(Enumerable.Range(0, ModelDeviceShards.Count).Select(shard =>
                    GrainFactory.GetGrain<IModelDevicesGrain>(ModelDeviceShards.Key(Code, shard)).OnPlansChangedAsync(version)));
                state.State.AnnouncedPlansVersion = version;
                await state.WriteOrResetAsync(this);
            }
            if (await this.GetReminder(AnnounceReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception exception)
        {
            logger.AnnounceFailed(exception, Code, version);
        }
    }

    /// <summary>Lists the last definition in the catalogue; a failure is logged, not surfaced, because the definition
    /// is already durable (the next activation or definition lists it again). Solutions do not touch the catalogue,
    /// so resolutions that count them never reach that one grain.</summary>
    private async Task ListAsync()
    {
        var defined = state.State.DefinedVersion;
        if (Model is not { } model || state.State.ListedVersion >= defined)
        {
            return;
        }
        try
        {
            await GrainFactory.GetGrain<IProductModelCatalogGrain>(IProductModelCatalogGrain.Key)
                .OnDefinedAsync(new ProductModelSummary(model.Code, model.Name, model.WarrantyMonths, defined, model.UpdatedAt));
            state.State.ListedVersion = defined;
            await state.WriteOrResetAsync(this);
        }
        catch (Exception exception)
        {
            logger.ListingFailed(exception, Code);
        }
    }
}
