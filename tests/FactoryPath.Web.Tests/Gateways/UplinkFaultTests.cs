using System.Diagnostics;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Gateways;

/// <summary>
/// Faults between a gateway's real uplink (journal on disk, MQTT publisher) and the platform's embedded broker:
/// the broker gone for 30 seconds in the middle of a stream, and a gateway killed with SIGKILL while its journal holds
/// records that were never sent. Afterwards the platform holds every rollup exactly once.
/// </summary>
public sealed class UplinkFaultTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private readonly string dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
    private readonly string journalDir = Path.Combine(Path.GetTempPath(), "factorypath-tests", "journal-" + Guid.NewGuid().ToString("N"));
    private readonly int port = Edge.Tests.Infrastructure.FreePort.Next();

    public void Dispose()
    {
        PlatformFactory.TryDelete(dir);
        PlatformFactory.TryDelete(journalDir);
    }

    [Fact]
    public async Task Broker_gone_for_30_seconds_mid_stream_every_rollup_is_stored_exactly_once()
    {
        const int Batches = 60;
        var first = OnPort(new PlatformFactory(dir));
        var gateway = await IssueAsync(first);
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = journalDir, GatewayId = gateway.Id });
        var publisher = new UplinkPublisher(Options(gateway), journal);
        using var stop = new CancellationTokenSource();
        var publishing = Task.Run(() => publisher.RunAsync(stop.Token));

        // a rollup batch every 100 ms, as the schedule would journal them, whatever the broker is doing
        var producing = Task.Run(async () =>
        {
            for (var minute = 1; minute <= Batches; minute++)
            {
                journal.Append(UplinkKinds.Rollup, Batch(minute), DateTimeOffset.UtcNow);
                await Task.Delay(minute is > 20 and < 40 ? 1_500 : 100);
            }
        });

        await Eventually.TrueAsync(() => Task.FromResult(journal.AcknowledgedSequence >= 15), "the first rollups are acknowledged", 60);
        first.Dispose();
        var down = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => Task.FromResult(!publisher.Health().Connected), "the gateway sees the broker gone", 30);
        await Task.Delay(TimeSpan.FromSeconds(30) - down.Elapsed);
        var backlogWhileDown = journal.Backlog;

        using var second = OnPort(new PlatformFactory(dir));
        await producing;
        await Eventually.TrueAsync(() => Task.FromResult(journal.Backlog == 0), "the journal is drained after the broker is back", 120);
        await stop.CancelAsync();
        await publishing;

        Assert.True(backlogWhileDown > 0, "records waited in the journal while the broker was gone");
        await AssertStoredOnceAsync(second, gateway.Id, Batches);
    }

    [Fact]
    public async Task Gateway_killed_with_unsent_records_in_its_journal_loses_nothing_after_restart()
    {
        using var platform = OnPort(new PlatformFactory(dir));
        var gateway = await IssueAsync(platform);

        // the gateway, offline, journals rollups until it is killed with SIGKILL in the middle of writing
        var appended = await RunCrasherUntilKilledAsync(gateway.Id, atLeast: 150);

        // restarted: the journal is opened again and the publisher sends what it holds
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = journalDir, GatewayId = gateway.Id });
        Assert.True(journal.LastSequence >= appended, $"journal ends at {journal.LastSequence}, but {appended} were reported written");
        var publisher = new UplinkPublisher(Options(gateway), journal);
        using var stop = new CancellationTokenSource();
        var publishing = Task.Run(() => publisher.RunAsync(stop.Token));
        await Eventually.TrueAsync(() => Task.FromResult(journal.Backlog == 0), "the journal is drained", 120);
        await stop.CancelAsync();
        await publishing;

        await AssertStoredOnceAsync(platform, gateway.Id, (int)journal.LastSequence);
    }

    private static RollupBatch Batch(int minute) => new("1m",
    [
        new RollupRecord("line-1.good", "acme/ningbo/moulding/line-1/press-3", TagRole.GoodCount, Start.AddMinutes(minute), 60, 0, minute, minute, minute, 0, minute),
        new RollupRecord("line-1.energy", "acme/ningbo/moulding/line-1/press-3", TagRole.EnergyKwh, Start.AddMinutes(minute), 60, 0, 2 * minute, minute, 2 * minute, 0, 0.5),
    ]);

    /// <summary>Every sequence 1..n stored once, and every rollup of them once (rollups keyed by tag and period).</summary>
    private static async Task AssertStoredOnceAsync(WebApplicationFactory<Program> platform, string gatewayId, int messages)
    {
        using var scope = platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var sequences = await db.UplinkMessages.Where(m => m.GatewayId == gatewayId).Select(m => m.Sequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, messages).Select(i => (long)i), sequences);
        var rollups = await db.GatewayRollups.Where(r => r.GatewayId == gatewayId).Select(r => new { r.TagId, r.PeriodStart, r.Increase }).ToListAsync();
        Assert.Equal(rollups.Count, rollups.Select(r => (r.TagId, r.PeriodStart)).Distinct().Count());
        var counters = rollups.Where(r => r.TagId is "line-1.good" or "crash.counter").ToList();
        Assert.Equal(messages, counters.Count);
        Assert.Equal(messages * (messages + 1) / 2.0, counters.Sum(r => r.Increase));
    }

    private async Task<long> RunCrasherUntilKilledAsync(string gatewayId, int atLeast)
    {
        var helper = Path.Combine(AppContext.BaseDirectory, "FactoryPath.Edge.JournalCrasher.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [helper, journalDir, gatewayId, "64", "rollups"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        long appended = 0;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (appended < atLeast)
        {
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the gateway wrote only {appended} records in 120 s: {await process.StandardError.ReadToEndAsync()}");
            }

            var line = await process.StandardOutput.ReadLineAsync();
            Assert.NotNull(line);
            if (line.StartsWith("appended ", StringComparison.Ordinal))
            {
                appended = long.Parse(line["appended ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return appended;
    }

    private UplinkPublisherOptions Options(TestGateway gateway) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        GatewayId = gateway.Id,
        Password = gateway.Secret,
        MinBackoff = TimeSpan.FromMilliseconds(200),
        MaxBackoff = TimeSpan.FromSeconds(2),
    };

    private async Task<TestGateway> IssueAsync(WebApplicationFactory<Program> platform)
    {
        var owner = new ApiClient(platform.CreateClient());
        var email = Codes.Email("gw-fault");
        Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/v1/auth/register", new { displayName = "Test", email, password = ApiClient.Password })).StatusCode);
        await owner.SignInAsync(email, ApiClient.Password);
        await owner.CreateEnterpriseAsync("故障测试企业", Codes.NewCreditCode());
        return await TestGateway.IssueAsync(owner);
    }

    private WebApplicationFactory<Program> OnPort(PlatformFactory factory)
    {
        var platform = factory.WithWebHostBuilder(b => b.UseSetting("FactoryPath:Gateways:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _ = platform.Server; // start now, so the broker listens
        return platform;
    }
}
