namespace AfterSales.Api.Validation;

/// <summary>The value (or each item of a list) is one of the regions the deployment is configured with. Published
/// in the OpenAPI document as an enum; checked by <see cref="InputRules.Region"/> and the routing policy.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class RegionAttribute : Attribute;

/// <summary>The value is one of <see cref="InputRules.Languages"/>. Published in the OpenAPI document as an enum.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class LanguageAttribute : Attribute;

/// <summary>Each item of the list is a string of <see cref="MinimumLength"/> to <see cref="MaximumLength"/> characters
/// (what the field rules check per item), published in the OpenAPI document on the list's items.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ItemLengthAttribute(int maximumLength) : Attribute
{
    public int MaximumLength { get; } = maximumLength;

    public int MinimumLength { get; init; } = 1;
}

/// <summary>The list refuses an item listed twice (published as <c>uniqueItems</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class UniqueItemsAttribute : Attribute;

/// <summary>Each item of the list is a case event kind (<see cref="AfterSales.Webhooks.WebhookEventTypes"/>). Published in the
/// OpenAPI document as an enum.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CaseEventTypeAttribute : Attribute;
