using FactoryPath.Edge.Assets;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Edge.LocalPage;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Tests.Gateways;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Faults;

/// <summary>
/// The gateway's local store (DuckDB) and uplink journal on a real 64 MB disk (<see cref="SmallDisk"/>) that a filler
/// file fills while samples keep arriving: writing stops without a crash, the store raises a "disk full" alarm and holds
/// the samples in memory (within <see cref="LocalStoreOptions.OutageBufferSamples"/>), a journal append fails without
/// leaving half a record; once the filler is deleted the held samples are written, the alarm clears, and every sample
/// of the run is in the store and, rolled up and sent through the journal, on the platform. The gateway's local page
/// (its own web page, served from the same store) shows the alarm while the disk is full and no alarm afterwards.
/// </summary>
public sealed class GatewayDiskFullTests : IDisposable
{
    private const string Counter = "line-1.good";
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private readonly string dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
    private readonly int port = Edge.Tests.Infrastructure.FreePort.Next();

    public void Dispose() => PlatformFactory.TryDelete(dir);

    [Fact]
    public async Task A_full_disk_stops_writing_with_an_alarm_and_loses_no_sample_when_space_returns()
    {
        const int Before = 600, During = 1_200, After = 600; // one good part a second: 10, 20 and 10 minutes
        using var disk = new SmallDisk(64L * 1024 * 1024);
        using var platform = OnPort(new PlatformFactory(dir));
        var gateway = await IssueAsync(platform);
        var storeOptions = new LocalStoreOptions
        {
            DatabasePath = Path.Combine(disk.Path, "store.duckdb"),
            FlushInterval = TimeSpan.FromMilliseconds(100),
            WriteRetryInterval = TimeSpan.FromMilliseconds(300),
            OutageBufferSamples = 100_000,
            MemoryLimitMegabytes = 64,
        };
        var store = LocalStore.Open(storeOptions);
        await using var closeStore = store;
        store.RegisterTags([new TagInfo(Counter, AssetPath.TryParse("acme/ningbo/moulding/line-1/press-3", out _)!, TagRole.GoodCount, null)]);
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = Path.Combine(disk.Path, "journal"), GatewayId = gateway.Id });
        var uplink = new RollupUplink(store, journal, new RollupUplinkOptions(),
            () => throw new InvalidOperationException("not used"), () => throw new InvalidOperationException("not used"), () => true);
        var dashboard = new LocalDashboard(() => null, () => [], TimeZoneInfo.Utc, DownReasonNames.Default, TimeProvider.System);
        await using var page = new LocalPageServer(new LocalPageConfig(System.Net.IPAddress.Loopback, Edge.Tests.Infrastructure.FreePort.Next()), dashboard,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, () => store.Health());
        page.Start();
        using var browser = new HttpClient { BaseAddress = new Uri(page.Url), Timeout = TimeSpan.FromSeconds(60) };

        await WriteAsync(store, 0, Before);
        await store.FlushAsync();
        Assert.Null(store.Health().Alarm);
        Assert.True(await uplink.SendRollupsAsync(Start.AddMinutes(10).AddSeconds(30)) > 0, "the first ten minutes are journalled");

        // the disk fills up while samples keep coming
        var filler = disk.Fill();
        Assert.True(disk.FreeBytes < 64 * 1024, $"the disk is full ({disk.FreeBytes} bytes free)");
        await WriteAsync(store, Before, During);
        await Eventually.TrueAsync(() => Task.FromResult(store.Health().Alarm is not null), "the store raises its alarm", 60);
        var alarm = store.Health().Alarm!;
        Assert.Equal(StoreAlarm.DiskFull, alarm.Code);
        Assert.Contains("磁盘已满", alarm.MessageZh);
        Assert.Contains("disk is full", alarm.MessageEn);
        Assert.True(store.Health().HeldSamples > 0, "samples are held in memory");
        Assert.Equal(0, store.Health().LostSamples);
        // the local page says so, in Chinese and English, with since when and the samples held out of the limit
        var zh = await browser.GetStringAsync("/?lang=zh");
        Assert.Contains("data-testid=\"store-alarm\" data-code=\"disk-full\"", zh);
        Assert.Contains("本地存储磁盘已满", zh);
        Assert.Contains($"自 {alarm.Since:yyyy-MM-dd HH:mm:ss} (UTC+00:00) 起", zh);
        Assert.Contains(" / 100,000 条数据", zh);
        var status = JsonDocument.Parse(await browser.GetStringAsync("/api/status?lang=en")).RootElement.GetProperty("store");
        Assert.False(status.GetProperty("writing").GetBoolean());
        Assert.Equal("disk-full", status.GetProperty("alarm").GetProperty("code").GetString());
        Assert.Equal("Local store: disk full", status.GetProperty("alarm").GetProperty("title").GetString());
        Assert.True(status.GetProperty("alarm").GetProperty("heldSamples").GetInt64() > 0, "the page counts the held samples");
        Assert.Equal(100_000, status.GetProperty("alarm").GetProperty("heldLimit").GetInt64());
        // the journal's last page may still have room for a record or two; then it is full too
        Exception? appendOnFullDisk = null;
        for (var i = 0; i < 1_000 && appendOnFullDisk is null; i++)
            appendOnFullDisk = Record.Exception(() => journal.Append(UplinkKinds.Rollup, new RollupBatch("1m", []), DateTimeOffset.UtcNow));
        Assert.IsAssignableFrom<IOException>(appendOnFullDisk);
        var lastBefore = journal.LastSequence;
        // still running: more samples are accepted and held, and reading works
        await WriteAsync(store, Before + During, After);
        await Eventually.TrueAsync(() => Task.FromResult(store.Health().HeldSamples >= During + After), "every new sample is held", 60);

        // space again
        File.Delete(filler);
        await Eventually.TrueAsync(() => Task.FromResult(store.Health() is { Alarm: null, HeldSamples: 0 }), "the held samples are written and the alarm clears", 60);
        Assert.Contains(StoreStatusPage.Placeholder, await browser.GetStringAsync("/?lang=zh"));
        var cleared = JsonDocument.Parse(await browser.GetStringAsync("/api/status?lang=zh")).RootElement.GetProperty("store");
        Assert.True(cleared.GetProperty("writing").GetBoolean());
        Assert.False(cleared.TryGetProperty("alarm", out _), "the page shows no alarm once the store writes");
        await store.FlushAsync();
        var health = store.Health();
        Assert.Equal(0, health.LostSamples);
        Assert.True(health.WriteErrors > 0, "writes failed while the disk was full");
        var stored = store.GetSamples(Counter, Start, Start.AddHours(1));
        Assert.Equal(Enumerable.Range(0, Before + During + After).Select(i => (double)i), stored.Select(s => s.Value!.Value).Order());

        // the journal goes on from its last whole record, and everything reaches the platform
        Assert.Equal(lastBefore, journal.LastSequence);
        Assert.True(await uplink.SendRollupsAsync(Start.AddMinutes(41)) > 0, "the remaining minutes are journalled");
        var publisher = new UplinkPublisher(new UplinkPublisherOptions
        {
            Host = "127.0.0.1", Port = port, GatewayId = gateway.Id, Password = gateway.Secret,
            MinBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(2),
        }, journal);
        using var stop = new CancellationTokenSource();
        var publishing = Task.Run(() => publisher.RunAsync(stop.Token));
        await Eventually.TrueAsync(() => Task.FromResult(journal.Backlog == 0), "the journal is drained", 120);
        await stop.CancelAsync();
        await publishing;

        using var scope = platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var rollups = await db.GatewayRollups.Where(r => r.GatewayId == gateway.Id && r.TagId == Counter).ToListAsync();
        Assert.Equal(40, rollups.Count);
        Assert.Equal(Before + During + After, rollups.Sum(r => r.Count));
        Assert.Equal(Before + During + After - 1, rollups.Sum(r => r.Increase ?? 0));

        // and the journal reopens whole: nothing was cut off at open
        var last = journal.LastSequence;
        journal.Dispose();
        using var reopened = UplinkJournal.Open(new UplinkJournalOptions { Directory = Path.Combine(disk.Path, "journal"), GatewayId = gateway.Id });
        Assert.Equal(0, reopened.TruncatedBytesAtOpen);
        Assert.Equal(last, reopened.LastSequence);
    }

    private static async Task WriteAsync(LocalStore store, int first, int count)
    {
        for (var i = first; i < first + count; i += 60)
        {
            var batch = Enumerable.Range(i, Math.Min(60, first + count - i)).Select(s => TagSample.Good(Counter, Start.AddSeconds(s), s)).ToList();
            await store.WriteAsync(batch, CancellationToken.None);
        }
    }

    private async Task<TestGateway> IssueAsync(WebApplicationFactory<Program> platform)
    {
        var owner = new ApiClient(platform.CreateClient());
        var email = Codes.Email("gw-disk");
        Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/v1/auth/register", new { displayName = "Test", email, password = ApiClient.Password })).StatusCode);
        await owner.SignInAsync(email, ApiClient.Password);
        await owner.CreateEnterpriseAsync("磁盘测试企业", Codes.NewCreditCode());
        return await TestGateway.IssueAsync(owner);
    }

    private WebApplicationFactory<Program> OnPort(PlatformFactory factory)
    {
        var platform = factory.WithWebHostBuilder(b => b.UseSetting("FactoryPath:Gateways:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _ = platform.Server; // start now, so the broker listens
        return platform;
    }
}
