namespace AfterSales.Bench.Options;

/// <summary>The help text (kept in step with bench/README.md).</summary>
internal static class Usage
{
    public const string Text = """
        AfterSales load generator

          dotnet run -c Release --project bench/AfterSales.Bench -- [options]

        Target
          --mode http|inproc        http (default): the public API; inproc: grain calls to a silo in this process
          --url URL                 http: a running instance (loopback only); without it the bench starts the API
          --self-host               http: start the built API as a child process (the default without --url)
          --storage default|memory  inproc: the embedded durable storage (default) or memory storage
          --set KEY=VALUE           extra configuration for the hosted API or silo (repeatable)

        Scenario
          --scenario intake|routing|lifecycle|get   (default intake)
          --customers N             customers seeded across the regions (default 1000)
          --technicians N           technicians seeded over 4 departments x regions (default 1000 routing, 400 others)
          --capacity N              capacity units of every technician (default 1000: the most the API and the grains accept)
          --active-cases N          get: cases created first and then read (default 1000)
          --regions a,b,c           regions to spread over (default east,west,north,south)
          --decisions-only          inproc routing: submit tickets to department grains directly
          --release-assigned        with --decisions-only: release each case right after it is assigned (technicians
                                    stay lightly loaded; decisions counted, fairness not judged)
          --idempotency-keys        http: send an Idempotency-Key with every create

        Load (bounded: stops by itself)
          --rate R                  open loop: R operations/s, latency from the scheduled send time
          --concurrency N           closed loop: N in flight (default 64); also drives the ceiling
          --max-in-flight N         open loop: cap on operations in flight (default 1000)
          --duration T              measured time, e.g. 20s (default 20s, at most 10m)
          --warmup T                unrecorded load first (default 3s)
          --max-requests N          cap on measured operations (default 1000000)
          --timeout T               per request (default 10s)
          --ceiling-duration T      http: how long GET /ping is driven (default min(duration, 10s))
          --no-ceiling              skip the ceiling

        Results
          --note TEXT               recorded with the result (e.g. "others building")
          --results PATH            results file (default bench/RESULTS.md)
          --no-results              print only
          --seed N                  ids and case mix seed
          --keep-data               keep the temp data folder
          --api-assembly PATH       self-host: API assembly to start (default: built with the bench)
        """;
}
