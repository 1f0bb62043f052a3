using AfterSales.Domain.Models;

namespace AfterSales.Tests.Unit.Domain.Models;

public sealed class ModelDeviceShardsTests
{
    private static readonly string[] Sorted = ["SN-001", "SN-002", "SN-010", "SN-100"];

    [Fact]
    public void AWalkWithoutProgressStartsAtTheFirstSerial()
    {
        Assert.Equal(0, ModelDeviceShards.ResumeAt(Sorted, null));
    }

    [Theory]
    [InlineData("SN-001", 1)]
    [InlineData("SN-010", 3)]
    [InlineData("SN-100", 4)]
    [InlineData("SN-0015", 1)] // a serial removed since it was told: the walk goes on after where it stood
    [InlineData("A", 0)]
    public void AWalkResumesAfterTheLastSerialTold(string cursor, int expected)
    {
        Assert.Equal(expected, ModelDeviceShards.ResumeAt(Sorted, cursor));
    }

    [Fact]
    public void ADevicesShardIsTheSameInEveryProcessAndWithinTheModelsShards()
    {
        var key = ModelDeviceShards.KeyOf("HX-200", "SN-0001");

        Assert.Equal(key, ModelDeviceShards.KeyOf("HX-200", "SN-0001"));
        Assert.StartsWith("HX-200/", key, StringComparison.Ordinal);
        Assert.InRange(int.Parse(key["HX-200/".Length..], System.Globalization.CultureInfo.InvariantCulture), 0, ModelDeviceShards.Count - 1);
    }
}
