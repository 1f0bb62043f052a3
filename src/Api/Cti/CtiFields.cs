namespace AfterSales.Api.Cti;

/// <summary>The limits of a Generic CTI event's fields (published in the OpenAPI document).</summary>
internal static class CtiFields
{
    public const int CallIdLength = 128;
    public const string CallIdPattern = "^[A-Za-z0-9._:@-]{1,128}$";
    public const int NumberLength = 64;
    public const int TextLength = 100;
    public const int Users = 20;
    public const int TokenLength = 128;
}
