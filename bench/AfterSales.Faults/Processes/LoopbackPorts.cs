using System.Net;
using System.Net.Sockets;

namespace AfterSales.Faults.Processes;

/// <summary>Hands out loopback ports from fixed ranges (so parallel users of one machine can keep apart), each at most
/// once per instance, skipping ports something listens on.</summary>
public sealed class LoopbackPorts(int siloFirst = 11181, int gatewayFirst = 30081, int apiFirst = 8181, int count = 19)
{
    private readonly HashSet<int> _handedOut = [];

    public int NextSilo() => Next(siloFirst);

    public int NextGateway() => Next(gatewayFirst);

    public int NextApi() => Next(apiFirst);

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private int Next(int first)
    {
        lock (_handedOut)
        {
            for (var port = first; port < first + count; port++)
            {
                if (!_handedOut.Contains(port) && IsFree(port))
                {
                    _handedOut.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port in {first}–{first + count - 1}.");
    }
}
