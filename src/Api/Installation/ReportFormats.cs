using AfterSales.Domain.Installation;
using AfterSales.Installation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Installation;

/// <summary>The commissioning report's two forms: JSON, and a printable HTML page for whoever asks for
/// <c>text/html</c> before JSON (a browser does; <c>*/*</c> alone gets JSON).</summary>
internal static class ReportFormats
{
    public const string Html = "text/html";

    /// <summary>True when the Accept header ranks <c>text/html</c> above JSON (<c>application/json</c>,
    /// <c>application/*</c> or <c>*/*</c>).</summary>
    public static bool PrefersHtml(HttpRequest request)
    {
        double html = 0, json = 0;
        foreach (var accepted in request.GetTypedHeaders().Accept)
        {
            var quality = accepted.Quality ?? 1;
            var type = accepted.MediaType.Value ?? "";
            if (type.Equals(Html, StringComparison.OrdinalIgnoreCase) || type.Equals("text/*", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (type is "*/*" || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }
        return html > json;
    }

    /// <summary>The page, self-contained: the content security policy allows its inline styles and nothing else.</summary>
    public static ContentHttpResult Page(CommissioningReport report, HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(CommissioningReportHtml.Render(report), $"{Html}; charset=utf-8");
    }
}
