using AfterSales.Access;

namespace AfterSales.Api.Access;

/// <summary>An endpoint's access rule, kept in its metadata: who may call it and what resource its route names.</summary>
internal sealed record AccessRule(string EndpointName, Grants Grants, ResourceKind Resource)
{
    public bool IsAnonymous => Grants.HasFlag(Grants.Anonymous);

    /// <summary>Any API key scope among the grants (the operation takes an <c>X-Api-Key</c>).</summary>
    public bool TakesApiKey => (Grants & (Grants.CtiKey | Grants.IntakeKey | Grants.WebhooksKey | Grants.ReadingsKey)) != 0;

    /// <summary>True when the caller's role or one of its scopes is granted; admins always.</summary>
    public bool Allows(CallerScope caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind == CallerKind.ApiKey)
        {
            return caller.Scopes.Any(scope => Grants.HasFlag(ScopeGrant(scope)) && ScopeGrant(scope) != Grants.None);
        }
        return caller.Role switch
        {
            CallerRole.Admin => true,
            CallerRole.Customer => Grants.HasFlag(Grants.Customer),
            CallerRole.Technician => Grants.HasFlag(Grants.Technician),
            CallerRole.Agent => Grants.HasFlag(Grants.Agent),
            CallerRole.Supervisor => Grants.HasFlag(Grants.Supervisor),
            _ => false,
        };
    }

    /// <summary>The roles granted, as the token's <c>role</c> claim spells them (admin first), and the scopes.</summary>
    public IEnumerable<string> Describe()
    {
        yield return "admin";
        foreach (var (grant, name) in Names)
        {
            if (Grants.HasFlag(grant))
            {
                yield return name;
            }
        }
    }

    private static readonly (Grants Grant, string Name)[] Names =
    [
        (Grants.Supervisor, "supervisor"), (Grants.Agent, "agent"), (Grants.Technician, "technician"), (Grants.Customer, "customer"),
        (Grants.CtiKey, "apikey:cti"), (Grants.IntakeKey, "apikey:intake"), (Grants.WebhooksKey, "apikey:webhooks"), (Grants.ReadingsKey, "apikey:readings"),
    ];

    private static Grants ScopeGrant(string scope) => scope switch
    {
        AuthClaims.Cti => Grants.CtiKey,
        AuthClaims.Intake => Grants.IntakeKey,
        AuthClaims.Webhooks => Grants.WebhooksKey,
        AuthClaims.Readings => Grants.ReadingsKey,
        _ => Grants.None,
    };
}
