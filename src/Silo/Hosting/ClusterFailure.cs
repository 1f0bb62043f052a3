using AfterSales.Common;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace AfterSales.Silo.Hosting;

/// <summary>The passing failures of the cluster, as a caller of a grain sees them: each is answered 503 with
/// <c>Retry-After</c> (never 500), because retrying the same request later can succeed.</summary>
public enum ClusterFailure
{
    /// <summary>The call went unanswered within the response timeout, or was cancelled inside the cluster: its outcome is
    /// unknown.</summary>
    TimedOut,

    /// <summary>The silo holding the grain, or the gateway the call went through, failed or left during the call.</summary>
    SiloLost,

    /// <summary>A gateway or silo shed the call because it is overloaded; nothing was done.</summary>
    Overloaded,

    /// <summary>The local client or silo is starting or stopping.</summary>
    Stopping,

    /// <summary>The grain could not reach its database; nothing of the request was stored.</summary>
    StorageUnavailable,
}

/// <summary>Recognises a <see cref="ClusterFailure"/> in what a grain call threw.</summary>
public static class ClusterFailures
{
    /// <summary>The failure <paramref name="exception"/> stands for, or null for anything else (a bug stays a 500).
    /// Inner exceptions are searched too: Orleans wraps a storage failure during activation, and a grain that awaits
    /// another may pass its failure on inside its own.</summary>
    public static ClusterFailure? Classify(Exception exception)
    {
        ClusterFailure? found = null;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            var kind = Of(current);
            // What the database did decides for a wrapped storage failure; otherwise the outermost known failure.
            if (kind == ClusterFailure.StorageUnavailable)
            {
                return kind;
            }
            found ??= kind;
        }
        return found;
    }

    private static ClusterFailure? Of(Exception exception) => exception switch
    {
        StorageUnavailableException => ClusterFailure.StorageUnavailable,
        TimeoutException => ClusterFailure.TimedOut,
        // The HTTP request's own abort never gets here (ASP.NET Core ends an aborted request before any handler runs), so
        // a cancellation is one made inside the cluster: Orleans' grain directory gives up a lookup or registration with
        // OperationCanceledException after repeated cancelled calls to a silo that is being declared dead.
        OperationCanceledException => ClusterFailure.TimedOut,
        GatewayTooBusyException or LimitExceededException => ClusterFailure.Overloaded,
        // SiloUnavailableException is a kind of rejection: a dead silo, a gateway that dropped the call, no gateway left.
        OrleansMessageRejectionException or ConnectionFailedException => ClusterFailure.SiloLost,
        OrleansLifecycleCanceledException => ClusterFailure.Stopping,
        _ => null,
    };
}
