using System.Net;
using System.Net.Sockets;

namespace AfterSales.Faults.Processes;

/// <summary>Hands out loopback ports from fixed ranges (so parallel users of one machine can keep apart), each once
/// until it is released, skipping ports something listens on. The defaults are the short tests' ranges; <see cref="Bench"/>
/// gives the bench the rest of the block, so a bench run and the tests never pick the same port.</summary>
public sealed class LoopbackPorts(int siloFirst = 11181, int gatewayFirst = 30081, int apiFirst = 8181, int count = 9, int apiCount = 5)
{
    /// <summary>Silos 11190–11198, gateways 30090–30098, APIs 8186–8189.</summary>
    public static LoopbackPorts Bench() => new(11190, 30090, 8186, 9, 4);

    private readonly HashSet<int> _handedOut = [];

    public int NextSilo() => Next(siloFirst, count);

    public int NextGateway() => Next(gatewayFirst, count);

    public int NextApi() => Next(apiFirst, apiCount);

    /// <summary>Ports whose process has exited may be handed out again.</summary>
    public void Release(params int[] ports)
    {
        lock (_handedOut)
        {
            _handedOut.ExceptWith(ports);
        }
    }

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

    private int Next(int first, int count)
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
