using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AfterSales.Access;
using AfterSales.Common;
using AfterSales.Domain.Access;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Customers;

/// <summary>A customer: profile, owned devices, and a bounded list of recent cases.</summary>
internal sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Main)] IPersistentState<CustomerState> state,
    IOptions<AfterSalesOptions> options,
    TimeProvider time,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    internal const int MaxRecentCases = 20;
    internal const int MaxDevices = 1000;
    private const int MaxContacts = 10;

    private string Id => field ??= this.GetPrimaryKeyString();

    public async Task<Result<CustomerSnapshot>> RegisterAsync(RegisterCustomerRequest request)
    {
        var s = state.State;
        if (s.Registered)
        {
            if (request.RequestHash is null || request.RequestHash != s.RequestHash)
            {
                return CommandError.Conflict($"Customer {Id} already exists.");
            }
            // A replay re-indexes the phones: it heals an index write lost after the customer was stored.
            await IndexPhonesAsync(s.Phones);
            return Result.Replay(ToSnapshot());
        }
        if (Validate(request) is { } error)
        {
            return error;
        }

        s.Registered = true;
        s.Name = request.Name.Trim();
        s.Phones = [.. request.Phones.Distinct(StringComparer.Ordinal)];
        s.Emails = [.. request.Emails.Distinct(StringComparer.OrdinalIgnoreCase)];
        s.Region = request.Region;
        s.Tier = request.Tier;
        s.Language = request.Language;
        s.CreatedAt = time.GetUtcNow();
        s.IdempotencyKey = request.IdempotencyKey;
        s.RequestHash = request.RequestHash;
        s.Version = 1;
        await state.WriteOrResetAsync(this);
        logger.CustomerRegistered(Id, s.Region);

        await IndexPhonesAsync(s.Phones);
        return Result.Ok(ToSnapshot());
    }

    public Task<CustomerSnapshot?> GetAsync() => Task.FromResult(state.State.Registered ? ToSnapshot() : null);

    public Task<CustomerSnapshot?> GetForAsync(CallerScope caller) =>
        Task.FromResult(VisibleTo(caller) ? ToSnapshot() : null);

    public Task<ImmutableArray<CaseSummary>?> GetRecentCasesForAsync(CallerScope caller) =>
        Task.FromResult<ImmutableArray<CaseSummary>?>(VisibleTo(caller) ? state.State.RecentCases.ToImmutableArray() : null);

    private bool VisibleTo(CallerScope caller) => state.State.Registered && CallerAccess.CanSeeCustomer(caller, Id, state.State.Region);

    public Task<ImmutableArray<CaseSummary>> GetRecentCasesAsync() => Task.FromResult(state.State.RecentCases.ToImmutableArray());

    public Task AddDeviceAsync(string serial) => AddDevicesAsync([serial]);

    public async Task AddDevicesAsync(ImmutableArray<string> serials)
    {
        var s = state.State;
        if (!s.Registered)
        {
            logger.ChangeToUnknownCustomer(Id, "device");
            return;
        }
        var added = false;
        foreach (var serial in serials.IsDefault ? [] : serials)
        {
            if (s.Devices.Contains(serial, StringComparer.Ordinal))
            {
                continue;
            }
            if (s.Devices.Count >= MaxDevices)
            {
                logger.DeviceListFull(Id, MaxDevices, serial);
                break;
            }
            s.Devices.Add(serial);
            added = true;
        }
        if (added)
        {
            s.Version++;
            await state.WriteOrResetAsync(this);
        }
    }

    public Task NoteCaseAsync(CaseSummary summary) => RecordCaseAsync(summary);

    public async Task RecordCaseAsync(CaseSummary summary)
    {
        var s = state.State;
        if (!s.Registered)
        {
            logger.ChangeToUnknownCustomer(Id, "case summary");
            return;
        }
        var index = s.RecentCases.FindIndex(c => c.Number == summary.Number);
        if (index >= 0 && s.RecentCases[index] == summary)
        {
            return;
        }
        if (index >= 0)
        {
            s.RecentCases[index] = summary;
        }
        else
        {
            s.RecentCases.Add(summary);
        }
        s.RecentCases.Sort(NewestFirst);
        if (s.RecentCases.Count > MaxRecentCases)
        {
            s.RecentCases.RemoveRange(MaxRecentCases, s.RecentCases.Count - MaxRecentCases);
        }
        s.Version++;
        await state.WriteOrResetAsync(this);
    }

    public async Task ForgetCaseAsync(string number)
    {
        var s = state.State;
        if (s.RecentCases.RemoveAll(c => c.Number == number) == 0)
        {
            return;
        }
        s.Version++;
        await state.WriteOrResetAsync(this);
    }

    private static int NewestFirst(CaseSummary a, CaseSummary b)
    {
        var byAge = b.CreatedAt.CompareTo(a.CreatedAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(b.Number, a.Number);
    }

    private Task IndexPhonesAsync(List<string> phones) =>
        Task.WhenAll(phones.Select(phone => GrainFactory.GetGrain<IPhoneIndexGrain>(phone).AddAsync(Id)));

    private CommandError? Validate(RegisterCustomerRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return CommandError.Invalid("name", "A customer needs a name.");
        }
        if (!options.Value.Regions.Contains(request.Region, StringComparer.Ordinal))
        {
            return CommandError.Invalid("region", $"Region '{request.Region}' is not served; served regions: {string.Join(", ", options.Value.Regions)}.");
        }
        if (!Enum.IsDefined(request.Tier))
        {
            return CommandError.Invalid("tier", "Tier must be standard, gold or platinum.");
        }
        if (string.IsNullOrWhiteSpace(request.Language))
        {
            return CommandError.Invalid("language", "A customer needs a preferred language.");
        }
        var phones = request.Phones.IsDefault ? [] : request.Phones;
        var emails = request.Emails.IsDefault ? [] : request.Emails;
        if (phones.Length > MaxContacts)
        {
            return CommandError.Invalid("phones", $"A customer lists at most {MaxContacts} phones.");
        }
        if (emails.Length > MaxContacts)
        {
            return CommandError.Invalid("emails", $"A customer lists at most {MaxContacts} emails.");
        }
        for (var i = 0; i < phones.Length; i++)
        {
            if (phones[i] is null || !E164().IsMatch(phones[i]))
            {
                return CommandError.Invalid($"phones[{i}]", "Phone numbers must be in E.164 form, such as +8613812345678.");
            }
        }
        return null;
    }

    private CustomerSnapshot ToSnapshot()
    {
        var s = state.State;
        return new CustomerSnapshot(
            Id, s.Name, [.. s.Phones], [.. s.Emails], s.Region, s.Tier, s.Language,
            [.. s.Devices], [.. s.RecentCases], s.CreatedAt, s.Version);
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{5,14}$")]
    private static partial Regex E164();
}
