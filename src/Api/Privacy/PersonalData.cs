using Microsoft.Extensions.Compliance.Classification;

namespace AfterSales.Api.Privacy;

/// <summary>The project's data classification: what is personal data (names, phone numbers, e-mail addresses, contact
/// names, free-text addresses, and who acted, since a subject may be an e-mail address).</summary>
internal static class PersonalDataTaxonomy
{
    public const string Name = "AfterSales";

    /// <summary>Data about a person: redacted wherever it is logged.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));
}

/// <summary>Marks a logged parameter (or a member) as personal data: the logging generator hands it to the redactor
/// registered for <see cref="PersonalDataTaxonomy.PersonalData"/> before any log provider sees it.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class PersonalDataAttribute : DataClassificationAttribute
{
    public PersonalDataAttribute()
        : base(PersonalDataTaxonomy.PersonalData)
    {
    }
}
