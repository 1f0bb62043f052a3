using System.Net;
using System.Net.Sockets;

namespace AfterSales.Bench.Drivers;

/// <summary>The bench only ever loads this machine: loopback addresses and free local ports.</summary>
internal static class Loopback
{
    public static bool IsLoopback(Uri url) =>
        string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>A host name or address, optionally with <c>:port</c> (as a connection string's host list holds them),
    /// that names this machine.</summary>
    public static bool IsLoopbackHost(string host)
    {
        var name = host.Trim('[', ']');
        if (IPAddress.TryParse(name, out var address))
        {
            return IPAddress.IsLoopback(address);
        }
        var colon = name.LastIndexOf(':');
        name = (colon > 0 ? name[..colon] : name).Trim('[', ']');
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out address) && IPAddress.IsLoopback(address));
    }

    /// <summary>A TCP port that was free a moment ago on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
