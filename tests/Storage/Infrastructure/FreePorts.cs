using System.Net;
using System.Net.Sockets;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>Loopback ports nobody listens on right now, so parallel tests (and other suites on the machine) do not
/// collide on Orleans' default ports.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
