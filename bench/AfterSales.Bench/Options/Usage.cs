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
          --postgres CS             http with --url: the PostgreSQL database of the cluster behind that API (Npgsql
                                    connection string, loopback): row writes per case by table (pg_stat_user_tables)
                                    and the raw upsert ceiling of that database, measured in the same run
          --storage default|memory  inproc: the embedded durable storage (default) or memory storage
          --set KEY=VALUE           extra configuration for the hosted API or silo (repeatable)

        Scenario
          --scenario intake|routing|lifecycle|get|peak|heavy-case|readings|maintenance|feed-lag|kpi-read|sla-clocks   (default intake)
          --customers N             customers seeded across the regions (default 1000; peak: all in the first region)
          --technicians N           technicians seeded over 4 departments x regions (default 1000 routing, 20 peak,
                                    16 heavy-case, 400 others; peak: all in technical-support of the first region)
          --capacity N              capacity units of every technician (default 1000: the most the API and the grains accept)
          --list-rows N             kpi-read: case-list rows seeded into the store first (default 1000000)
          --active-cases N          get: cases created first and then read (default 1000)
          --devices N               readings: devices registered first, then read (default 10000)
          --batch-rows N            readings: rows of one POST /api/readings/batch (default 1000, at most 2000)
          --batch-devices N         readings: devices of one gateway, the batch's rows spread over them (default 100)
          --regions a,b,c           regions to spread over (default east,west,north,south)
          --decisions-only          inproc routing: submit tickets to department grains directly
          --release-assigned        with --decisions-only: release each case right after it is assigned (technicians
                                    stay lightly loaded; decisions counted, fairness not judged)
          --idempotency-keys        send an Idempotency-Key with every create (inproc: claim one per case)

        Peak (fault cases of one region queue with nobody on shift, then technicians come on shift)
          --queue-target N          stop the measured phase once N cases are queued (default 50000)
          --window N                queued cases per reported window (default 1000)
          --resolves N              resolves whose pull of the next queued case is timed (default 200; 0 skips phase 2)
          --pull-workers N          resolves in flight at once (default 4)
          --drain-timeout T         how long technicians may take to fill from the queue (default 2m)
          --poll-interval T         pause between two reads of a technician waiting for its next case (default 2ms)

        Heavy case (a case with a long history against new cases; one change at a time)
          --heavy-events N          events the heavy case holds before measuring (default 10000)
          --heavy-notes N           notes it holds (default 200, the most a case keeps)
          --fresh-cases N           new cases measured in turn (default 100)

        SLA clocks (HTTP: open cases under a short calendar-time policy; lag from each due time to its event, memory)
          --cases N                 open cases with live clocks (default 100000)
          --sla-target T            first-response target; next update 2x, resolution 3x; warning at 75 % (default 10m)

        Maintenance (in-process: the scheduler holds a fleet's due entries and hands probes over at their fire time)
          --devices N               maintenance: devices whose next due entry is held (default 1000000)
          --probes N                entries due during the measured phase, spread evenly over it (default 2000)
          --horizon T               the fleet's entries fall due over this span after the run (default 30d)
          --probe-spread T          the probes fall due over this span (default 80% of --duration; 0: all at once)
          --per-entry               hold the fleet one entry per call, as devices do, instead of the bulk path
          --register-devices        register the fleet as devices with a plan, through the fleet import (1,000 per batch)

        Load (bounded: stops by itself)
          --rate R                  open loop: R operations/s, latency from the scheduled send time
          --concurrency N           closed loop: N in flight (default 64; peak 32; heavy-case 1); also drives the ceiling
          --max-in-flight N         open loop: cap on operations in flight (default 1000)
          --duration T              measured time, e.g. 20s (default 20s, at most 10m)
          --warmup T                unrecorded load first (default 3s)
          --max-requests N          cap on measured operations (default 1000000)
          --timeout T               per request (default 10s)
          --ceiling-duration T      http: how long GET /ping is driven (default min(duration, 10s))
          --no-ceiling              skip the ceiling

        Results
          --note TEXT               recorded with the result (e.g. "others building")
          --results PATH            results file whose status table is rebuilt (default bench/RESULTS.md); the run
                                    is appended to results/runs.jsonl beside it
          --no-results              print only
          --refresh-status          only rebuild the status table from the run log, run nothing
          --seed N                  ids and case mix seed
          --keep-data               keep the temp data folder
          --api-assembly PATH       self-host: API assembly to start (default: built with the bench)
        """;
}
