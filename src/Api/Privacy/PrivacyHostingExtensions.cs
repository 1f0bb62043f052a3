using Microsoft.Extensions.Compliance.Redaction;

namespace AfterSales.Api.Privacy;

/// <summary>Redaction of personal data in logs.</summary>
internal static class PrivacyHostingExtensions
{
    /// <summary>Where the HMAC key of the log redactor is read from (base64, at least 32 bytes); with none, personal
    /// data is erased from logs instead.</summary>
    public const string HmacKeySetting = "AfterSales:Privacy:LogHmacKey";

    /// <summary>The id logged with each HMAC pseudonym, so a rotated key is told apart (default 1).</summary>
    public const string HmacKeyIdSetting = "AfterSales:Privacy:LogHmacKeyId";

    /// <summary>Every parameter classified <see cref="PersonalDataTaxonomy.PersonalData"/> is redacted before a log
    /// provider sees it: with an HMAC key (production) it becomes a keyed pseudonym, so lines about the same caller can be
    /// matched without the number; without one (development, tests) it is erased.</summary>
    public static WebApplicationBuilder AddPersonalDataRedaction(this WebApplicationBuilder builder)
    {
        var key = builder.Configuration[HmacKeySetting];
        var keyId = int.TryParse(builder.Configuration[HmacKeyIdSetting], out var id) ? id : 1;
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction =>
        {
            if (string.IsNullOrEmpty(key))
            {
                redaction.SetRedactor<ErasingRedactor>(PersonalDataTaxonomy.PersonalData);
            }
            else
            {
#pragma warning disable EXTEXP0002 // The HMAC redactor is marked experimental; it is the documented keyed pseudonymiser.
                redaction.SetHmacRedactor(options =>
                {
                    options.Key = key;
                    options.KeyId = keyId;
                }, PersonalDataTaxonomy.PersonalData);
#pragma warning restore EXTEXP0002
            }
            // Anything classified some other way is erased too: nothing classified is logged as it is.
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        return builder;
    }
}
