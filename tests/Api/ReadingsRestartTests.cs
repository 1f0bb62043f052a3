using System.Net;
using AfterSales.Api.Devices;
using AfterSales.Tests.Api.Infrastructure;
using static AfterSales.Tests.Api.Infrastructure.ReadingsDriver;

namespace AfterSales.Tests.Api;

/// <summary>An acknowledged reading is durable: the meters, their totals and a condition's episode are there after
/// the process stops and starts on the same data, and the counter still refuses to go backwards.</summary>
public sealed class ReadingsRestartTests
{
    [Fact]
    public async Task AcknowledgedReadingsAndTheirEpisodeSurviveARestart()
    {
        var dataDirectory = ApiApplication.NewDataDirectory();
        try
        {
            DeviceResponse before;
            IAsyncLifetime first = ApiApplication.OnDataDirectory(dataDirectory);
            await first.InitializeAsync();
            try
            {
                using var client = ((ApiApplication)first).CreateApiClient();
                var readings = new ReadingsDriver(new ApiDriver(client), ((ApiApplication)first).NewRegion());
                var device = await readings.MeteredDeviceAsync();
                await readings.BatchOkAsync(
                    Row(device.Serial, "operatingHours", 400, 0), Row(device.Serial, "operatingHours", 30, 1, reset: true),
                    Row(device.Serial, "bearingTemp", 96, 1));
                before = await readings.DeviceAsync(device.Serial);
            }
            finally
            {
                await first.DisposeAsync();
            }

            IAsyncLifetime second = ApiApplication.OnDataDirectory(dataDirectory);
            await second.InitializeAsync();
            try
            {
                using var client = ((ApiApplication)second).CreateApiClient();
                var readings = new ReadingsDriver(new ApiDriver(client), ((ApiApplication)second).NewRegion());

                var after = await readings.DeviceAsync(before.Serial);
                using var backwards = await readings.RecordAsync(before.Serial, Reading("operatingHours", 29, 2));

                Assert.Equal(before.Meters, after.Meters);
                Assert.Equal(before.Conditions, after.Conditions);
                var hours = after.Meters.Single(m => m.Meter == "operatingHours");
                Assert.Equal((30, 430, 1), (hours.Value, hours.Total, hours.Resets));
                await Problem.AssertAsync(backwards, HttpStatusCode.UnprocessableEntity, "value");
            }
            finally
            {
                await second.DisposeAsync();
            }
        }
        finally
        {
            ApiApplication.DeleteDataDirectory(dataDirectory);
        }
    }
}
