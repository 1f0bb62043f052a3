using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AfterSales.Faults.Processes;

/// <summary>What a test host (or bench run) started that outlives it when it is killed: each started process (pid and
/// start time), each private PostgreSQL server (its data folder) and each folder of pid files a script writes, recorded in
/// <c>{temp}/aftersales-owned-processes/{owner pid}-{owner start time}/</c>. Disposing a fixture forgets what it stopped;
/// a host killed mid-run (SIGKILL, a crashed test host) leaves its records, and the next run's first use
/// (<see cref="StopOrphans"/>) stops what they name whose owner is gone, so it does not meet busy ports.
/// Only what is recorded here is ever stopped, and a process only while its start time is still the recorded one (a
/// reused pid is left alone). Linux only (/proc); elsewhere nothing is recorded.</summary>
public static class OwnedProcesses
{
    /// <summary>Shared by every user of the machine; a folder per owning process below it.</summary>
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "aftersales-owned-processes");

    private static readonly Lazy<int> Healed = new(() => StopOrphansIn(Root), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string?> OwnerFolder = new(CreateOwnerFolder, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _sequence;

    /// <summary>Once per process: stops what owners that are gone left behind; returns how many records it cleared.</summary>
    public static int StopOrphans() => Healed.Value;

    /// <summary>Records a process this host started. Only it is stopped, not what it started in turn: a <c>dotnet publish</c>
    /// leaves build nodes that other builds on the machine share (what a script starts detached is recorded by
    /// <see cref="RecordPidFolder"/>).</summary>
    public static Registration RecordProcess(int pid, string name) =>
        Write(OwnedFolder(), new OwnedRecord(OwnedKind.Process, name, pid, StartTimeOf(pid)));

    /// <summary><see cref="RecordProcess"/> into the folder of an owner named by the caller (tests of the mechanism).</summary>
    internal static Registration RecordProcessIn(string ownerFolder, int pid, string name) =>
        Write(Directory.CreateDirectory(ownerFolder).FullName, new OwnedRecord(OwnedKind.Process, name, pid, StartTimeOf(pid)));

    /// <summary>Records a PostgreSQL server of this host: it is stopped with <c>pg_ctl -m immediate</c> and
    /// <paramref name="root"/> (which holds <paramref name="dataDirectory"/>) deleted.</summary>
    public static Registration RecordPostgres(string programs, string root, string dataDirectory) =>
        Write(OwnedFolder(), new OwnedRecord(OwnedKind.Postgres, root, Programs: programs, Folder: root, DataDirectory: dataDirectory));

    /// <summary>Records a folder in which a script started by this host writes <c>{name}.pid</c> files of processes it
    /// starts detached; those whose environment holds <paramref name="marker"/> (<c>NAME=value</c>, set by this host) are
    /// stopped, then the folder is deleted.</summary>
    public static Registration RecordPidFolder(string folder, string marker) =>
        Write(OwnedFolder(), new OwnedRecord(OwnedKind.PidFolder, folder, Folder: folder, Marker: marker));

    /// <summary>The start time of a live process in clock ticks since boot (<c>/proc/{pid}/stat</c>, field 22), or null
    /// when it has exited (a zombie counts as exited) or this is not Linux.</summary>
    public static string? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // Fields after the command name, which may itself hold spaces and parentheses: state is field 3, start time 22.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && fields[0] != "Z" ? fields[19] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>This process's folder, once what owners that are gone left is stopped.</summary>
    private static string? OwnedFolder()
    {
        StopOrphans();
        return OwnerFolder.Value;
    }

    private static Registration Write(string? folder, OwnedRecord record)
    {
        if (folder is null || (record.Kind == OwnedKind.Process && record.StartTime is null))
        {
            return new Registration(null);
        }
        var path = Path.Combine(folder, $"{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(record));
        return new Registration(path);
    }

    private static string? CreateOwnerFolder()
    {
        var pid = Environment.ProcessId;
        if (!OperatingSystem.IsLinux() || StartTimeOf(pid) is not { } start)
        {
            return null;
        }
        return Directory.CreateDirectory(Path.Combine(Root, $"{pid.ToString(CultureInfo.InvariantCulture)}-{start}")).FullName;
    }

    /// <summary>Stops what the owners below <paramref name="root"/> that are gone recorded; returns how many records it
    /// cleared.</summary>
    internal static int StopOrphansIn(string root)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(root))
        {
            return 0;
        }
        var cleared = 0;
        foreach (var owner in Directory.GetDirectories(root))
        {
            if (IsAlive(Path.GetFileName(owner)))
            {
                continue;
            }
            // Processes first: a script still starting processes stops before its pid files are read.
            var records = Directory.GetFiles(owner, "*.json").Select(file => (file, record: Read(file)))
                .OrderBy(r => r.record?.Kind ?? OwnedKind.Process).ToList();
            foreach (var (file, record) in records)
            {
                if (record is not null)
                {
                    Stop(record);
                }
                TryDelete(file);
                cleared++;
            }
            TryDeleteFolder(owner);
        }
        return cleared;
    }

    /// <summary>Whether the owner named <c>{pid}-{start time}</c> still runs (a folder of another shape is left alone).</summary>
    private static bool IsAlive(string owner)
    {
        var dash = owner.IndexOf('-', StringComparison.Ordinal);
        return dash <= 0 || !int.TryParse(owner[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || StartTimeOf(pid) == owner[(dash + 1)..];
    }

    private static OwnedRecord? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<OwnedRecord>(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static void Stop(OwnedRecord record)
    {
        switch (record.Kind)
        {
            case OwnedKind.Process when record.Pid is { } pid && record.StartTime is { } start:
                Kill(pid, start);
                break;
            case OwnedKind.Postgres when record.Programs is { } programs && record.DataDirectory is { } data:
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    RunQuietly(Path.Combine(programs, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres: Environment.UserName == "root");
                }
                TryDeleteFolder(record.Folder);
                break;
            case OwnedKind.PidFolder when record.Folder is { } folder && record.Marker is { } marker:
                foreach (var pidFile in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.pid") : [])
                {
                    if (int.TryParse(ReadText(pidFile), NumberStyles.None, CultureInfo.InvariantCulture, out var listed)
                        && StartTimeOf(listed) is { } listedStart && HasEnvironment(listed, marker))
                    {
                        Kill(listed, listedStart);
                    }
                }
                TryDeleteFolder(folder);
                break;
        }
    }

    private static void Kill(int pid, string start)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // Checked again just before: the pid may have been reused since the record was written.
            if (StartTimeOf(pid) == start)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
        {
            // Gone meanwhile.
        }
    }

    private static bool HasEnvironment(int pid, string marker)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/environ").Split('\0').Contains(marker, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void RunQuietly(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in asPostgres ? ["-u", "postgres", "--", program, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start);
            if (process is not null)
            {
                process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit(60_000);
            }
        }
        catch (Win32Exception)
        {
            // The programs are gone: nothing runs from them either.
        }
    }

    private static string ReadText(string file)
    {
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteFolder(string? folder)
    {
        try
        {
            if (folder is not null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>One record; disposing it (once what it names is stopped) removes it.</summary>
    public sealed class Registration(string? path) : IDisposable
    {
        public void Dispose()
        {
            if (path is not null)
            {
                TryDelete(path);
            }
        }
    }

    /// <summary>In the order they are stopped in.</summary>
    private enum OwnedKind
    {
        Process,
        Postgres,
        PidFolder,
    }

    private sealed record OwnedRecord(
        OwnedKind Kind, string Name, int? Pid = null, string? StartTime = null, string? Programs = null, string? Folder = null,
        string? DataDirectory = null, string? Marker = null);
}
