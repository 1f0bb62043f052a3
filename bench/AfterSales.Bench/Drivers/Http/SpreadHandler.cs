namespace AfterSales.Bench.Drivers.Http;

/// <summary>Sends each request to the next of several instances of the API in turn (the API co-hosted in each silo of a
/// cluster has no load balancer in front of it here): the request's scheme, host and port are replaced, its path and
/// query kept. Each instance gets its own connections from the inner handler's pool.</summary>
internal sealed class SpreadHandler(IReadOnlyList<Uri> baseAddresses, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _next = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            var target = baseAddresses[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)baseAddresses.Count)];
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
