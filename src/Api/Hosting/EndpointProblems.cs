namespace AfterSales.Api.Hosting;

/// <summary>Declares an endpoint's error answers in the OpenAPI document: each is a problem details body with an
/// <c>errors</c> map (<c>application/problem+json</c>).</summary>
internal static class EndpointProblems
{
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var statusCode in statusCodes)
        {
            builder.ProducesValidationProblem(statusCode);
        }
        return builder;
    }
}
