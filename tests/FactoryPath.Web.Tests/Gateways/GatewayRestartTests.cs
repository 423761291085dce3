using System.Net.Sockets;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace FactoryPath.Web.Tests.Gateways;

/// <summary>
/// The platform stops and starts again (same data, same broker port) while a gateway keeps publishing the way a
/// QoS 1 gateway does: every message until it is acknowledged, reconnecting in between. Messages whose PUBACK was
/// lost in the stop are sent again and must be stored once; none may be lost.
/// </summary>
public sealed class GatewayRestartTests
{
    private const int Messages = 40;

    [Fact]
    public async Task Messages_resent_across_a_platform_restart_are_all_stored_exactly_once()
    {
        var dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        var port = Edge.Tests.Infrastructure.FreePort.Next();
        var email = Codes.Email("gw-restart");
        try
        {
            TestGateway gateway;
            var first = OnPort(new PlatformFactory(dir), port);
            var owner = new ApiClient(first.CreateClient());
            Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/v1/auth/register", new { displayName = "Test", email, password = ApiClient.Password })).StatusCode);
            await owner.SignInAsync(email, ApiClient.Password);
            await owner.CreateEnterpriseAsync("重启测试企业", Codes.NewCreditCode());
            gateway = await TestGateway.IssueAsync(owner);

            var acknowledged = 0;
            var attemptsWhileDown = 0;
            var platformDown = false;
            // the gateway holds its next message once a quarter is stored, until the platform is down: on a fast machine it
            // would otherwise send all forty before the platform stops, and nothing would be resent
            var quarterStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var period = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
            var publisher = Task.Run(async () =>
            {
                for (var seq = 1; seq <= Messages; seq++)
                {
                    var batch = TestGateway.Rollups(period.AddMinutes(seq), ("line-1.good", TagRole.GoodCount, seq));
                    var deadline = DateTime.UtcNow.AddSeconds(90);
                    while (true)
                    {
                        if (DateTime.UtcNow > deadline) throw new TimeoutException($"message {seq} was never acknowledged");
                        if (Volatile.Read(ref platformDown)) Interlocked.Increment(ref attemptsWhileDown);
                        try
                        {
                            if (!gateway.IsConnected && await gateway.ConnectAsync(port) != MqttClientConnectResultCode.Success)
                                throw new InvalidOperationException("refused");
                            if ((await gateway.PublishAsync(UplinkKinds.Rollup, seq, batch)).IsSuccess) break;
                        }
                        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException or SocketException)
                        {
                            // no PUBACK: the gateway keeps the message and tries again
                        }
                        await Task.Delay(100);
                    }
                    Interlocked.Increment(ref acknowledged);
                    if (seq == Messages / 4)
                    {
                        quarterStored.TrySetResult();
                        await stopped.Task;
                    }
                }
            });

            await quarterStored.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(Messages / 4, Volatile.Read(ref acknowledged));
            Volatile.Write(ref platformDown, true);
            first.Dispose();
            stopped.SetResult();
            await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref attemptsWhileDown) >= 2), "the gateway tried to publish while the platform was down", 60);

            using var second = OnPort(new PlatformFactory(dir), port);
            Volatile.Write(ref platformDown, false);
            await Eventually.TrueAsync(() => Task.FromResult(TestGateway.BrokerPort(second) == port), "the second platform listens");
            await publisher.WaitAsync(TimeSpan.FromSeconds(120));
            await gateway.DisposeAsync();

            using var scope = second.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var sequences = await db.UplinkMessages.Where(m => m.GatewayId == gateway.Id).Select(m => m.Sequence).OrderBy(s => s).ToListAsync();
            Assert.Equal(Enumerable.Range(1, Messages).Select(i => (long)i), sequences);
            Assert.Equal(Messages, await db.GatewayRollups.CountAsync(r => r.GatewayId == gateway.Id));
            var total = await db.GatewayRollups.Where(r => r.GatewayId == gateway.Id).SumAsync(r => r.Increase);
            Assert.Equal(Messages * (Messages + 1) / 2.0, total);
            Assert.Equal(Messages, (await db.Gateways.SingleAsync(g => g.Id == gateway.Id)).MessagesStored);
        }
        finally
        {
            PlatformFactory.TryDelete(dir);
        }
    }

    private static WebApplicationFactory<Program> OnPort(PlatformFactory factory, int port) =>
        factory.WithWebHostBuilder(b => b.UseSetting("FactoryPath:Gateways:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

}
