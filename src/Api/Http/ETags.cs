namespace AfterSales.Api.Http;

/// <summary>Entity tags of versioned resources: the version number in quotes, e.g. <c>"7"</c>.</summary>
internal static class ETags
{
    public static string Format(int version) => $"\"{EntityTag.Format(version)}\"";
}
