using System.Diagnostics;
using System.Globalization;
using AfterSales.Faults.Processes;

namespace AfterSales.Tests.Faults;

/// <summary>The record of started processes that lets a run stop what a killed test host left: only processes recorded
/// by an owner that is gone, and only while they are still the process that was recorded.</summary>
public sealed class OwnedProcessesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aftersales-owned-test-").FullName;
    private readonly List<Process> _started = [];

    [Fact]
    public void AProcessRecordedByAnOwnerThatIsGoneIsStoppedAndItsRecordsCleared()
    {
        var orphan = Sleep();
        var goneOwner = Path.Combine(_root, "2147483646-1");
        OwnedProcesses.RecordProcessIn(goneOwner, orphan.Id, "orphan");

        var cleared = OwnedProcesses.StopOrphansIn(_root);

        Assert.Equal(1, cleared);
        Assert.True(orphan.WaitForExit(10_000), "the orphan still runs");
        Assert.False(Directory.Exists(goneOwner));
    }

    [Fact]
    public void ProcessesOfALiveOwnerAndProcessesNobodyRecordedAreLeftRunning()
    {
        var owned = Sleep();
        var unrecorded = Sleep();
        var self = Environment.ProcessId;
        var liveOwner = Path.Combine(_root, $"{self.ToString(CultureInfo.InvariantCulture)}-{OwnedProcesses.StartTimeOf(self)}");
        OwnedProcesses.RecordProcessIn(liveOwner, owned.Id, "owned");

        var cleared = OwnedProcesses.StopOrphansIn(_root);

        Assert.Equal(0, cleared);
        Assert.False(owned.HasExited);
        Assert.False(unrecorded.HasExited);
        Assert.Single(Directory.GetFiles(liveOwner));
    }

    [Fact]
    public void ARecordWhosePidNowNamesAnotherProcessStopsNothing()
    {
        var reused = Sleep();
        var goneOwner = Path.Combine(_root, "2147483646-1");
        // A record of this pid with another start time: what a pid reused since the record was written looks like.
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(goneOwner).FullName, "1.json"),
            $$"""{"Kind":0,"Name":"silo","Pid":{{reused.Id.ToString(CultureInfo.InvariantCulture)}},"StartTime":"1"}""");

        var cleared = OwnedProcesses.StopOrphansIn(_root);

        Assert.Equal(1, cleared);
        Assert.False(reused.HasExited);
    }

    public void Dispose()
    {
        foreach (var process in _started)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }
            process.Dispose();
        }
        Directory.Delete(_root, recursive: true);
    }

    private Process Sleep()
    {
        var process = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        _started.Add(process);
        return process;
    }
}
