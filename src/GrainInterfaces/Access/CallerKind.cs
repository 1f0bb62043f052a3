namespace AfterSales.Access;

/// <summary>Who is calling: a person with a bearer token, or an integration with an API key.</summary>
[GenerateSerializer, Alias("AfterSales.CallerKind")]
public enum CallerKind
{
    /// <summary>A person signed in with a JWT bearer token.</summary>
    User = 0,
    /// <summary>An integration calling with an <c>X-Api-Key</c>.</summary>
    ApiKey = 1,
}
