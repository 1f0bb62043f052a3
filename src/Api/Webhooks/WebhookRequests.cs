using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AfterSales.Api.Hosting;
using AfterSales.Api.Routing;
using AfterSales.Api.Validation;
using AfterSales.Domain.Webhooks;
using AfterSales.Webhooks;

namespace AfterSales.Api.Webhooks;

/// <summary>A new webhook subscription: where to POST which case events, and the key to sign them with.</summary>
/// <param name="Url">An absolute <c>https</c> URL (<c>http</c> only where the deployment sets
/// <c>AfterSales:Webhooks:AllowHttp</c>, for tests and development); no user information, no fragment.</param>
/// <param name="EventTypes">The case event kinds to deliver, each once.</param>
/// <param name="Secret">The HMAC-SHA256 key (16 to 256 printable ASCII characters without spaces). Write-only: never
/// answered.</param>
public sealed record CreateWebhookSubscriptionRequest(
    [property: Required, StringLength(WebhookUrls.MaxLength, MinimumLength = 1), Url, Example("\"https://receiver.example.com/aftersales/events\"")] string? Url,
    [property: Required, MinLength(1), MaxLength(WebhookLimits.EventTypes), UniqueItems, CaseEventType, Example("[\"opened\", \"assigned\", \"resolve\"]")] IReadOnlyList<string>? EventTypes,
    [property: Required, StringLength(WebhookLimits.SecretMax, MinimumLength = WebhookLimits.SecretMin), RegularExpression(WebhookLimits.SecretPattern), Example("\"whsec-3f9c1a7e52b84d0e9a61\"")] string? Secret)
{
    internal WebhookInput? Check(ValidationErrors errors, bool allowHttp) =>
        WebhookInput.Check(errors, allowHttp, Url, EventTypes, Secret, secretRequired: true);
}

/// <summary>A subscription's new URL and event types, and a new secret to rotate it.</summary>
/// <param name="Url">As for a new subscription.</param>
/// <param name="EventTypes">As for a new subscription.</param>
/// <param name="Secret">Left out, the current secret stays; a new one replaces it (rotation). Write-only.</param>
public sealed record ReplaceWebhookSubscriptionRequest(
    [property: Required, StringLength(WebhookUrls.MaxLength, MinimumLength = 1), Url, Example("\"https://receiver.example.com/aftersales/events\"")] string? Url,
    [property: Required, MinLength(1), MaxLength(WebhookLimits.EventTypes), UniqueItems, CaseEventType, Example("[\"opened\", \"assigned\", \"resolve\"]")] IReadOnlyList<string>? EventTypes,
    [property: StringLength(WebhookLimits.SecretMax, MinimumLength = WebhookLimits.SecretMin), RegularExpression(WebhookLimits.SecretPattern), Example("\"whsec-9d2e6b0c41a75f38e1c4\"")] string? Secret = null)
{
    internal WebhookInput? Check(ValidationErrors errors, bool allowHttp) =>
        WebhookInput.Check(errors, allowHttp, Url, EventTypes, Secret, secretRequired: false);
}

/// <summary>A subscription request's values once checked.</summary>
internal sealed record WebhookInput(string Url, ImmutableArray<string> EventTypes, string? Secret)
{
    public static WebhookInput? Check(ValidationErrors errors, bool allowHttp, string? Url, IReadOnlyList<string>? EventTypes, string? Secret, bool secretRequired)
    {
        var url = errors.RequiredText("url", Url, WebhookUrls.MaxLength);
        if (url is not null && WebhookUrls.Problem(url, allowHttp) is { } problem)
        {
            errors.Add("url", problem);
        }
        var types = errors.RequiredList("eventTypes", EventTypes, (type, at) =>
        {
            if (!WebhookEventTypes.IsKnown(type))
            {
                errors.Add(at, $"The value must be a case event type: {string.Join(", ", WebhookEventTypes.All)}.");
                return null;
            }
            return type;
        });
        if (types is { Length: 0 })
        {
            errors.Add("eventTypes", "Name at least one event type.");
        }
        else if (types is { } list && list.Length > WebhookLimits.EventTypes)
        {
            errors.Add("eventTypes", $"Name at most {WebhookLimits.EventTypes} event types.");
        }
        for (var i = 0; types is { } named && i < named.Length; i++)
        {
            if (named.IndexOf(named[i]) < i)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"eventTypes[{i}]"), $"{named[i]} is listed twice.");
            }
        }
        if (Secret is null && secretRequired)
        {
            errors.Add("secret", FieldRules.Required);
        }
        else if (Secret is not null && !WebhookLimits.IsValidSecret(Secret))
        {
            errors.Add("secret", $"A secret is {WebhookLimits.SecretMin} to {WebhookLimits.SecretMax} printable ASCII characters without spaces.");
        }
        return errors.HasErrors ? null : new WebhookInput(url!, types!.Value, Secret);
    }
}
