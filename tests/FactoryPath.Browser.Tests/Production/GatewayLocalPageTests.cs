using System.Net;
using System.Net.Sockets;
using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Edge.LocalPage;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Production;

/// <summary>
/// The gateway's local page in a real browser: its script draws the machines from /api/live with the platform's
/// charts.js and refreshes them by itself. Minutes worked by hand: three minutes running 48 s of 60 s with 8 good at
/// 6 s ideal cycle: A = 0.8, P = 1, Q = 1, OEE = 80.0 %.
/// </summary>
[Collection(BrowserCollection.Name)]
public class GatewayLocalPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Press = "acme/ningbo/moulding/line-1/press-1";

    private sealed class MinuteList(IReadOnlyList<KpiMinute> all) : IKpiSource
    {
        public IReadOnlyList<KpiMinute> Minutes(DateTimeOffset from, DateTimeOffset to) => all.Where(m => m.PeriodStart >= from && m.PeriodStart < to).ToList();
    }

    [Theory]
    [InlineData("zh", "生产看板（本地）", "运行")]
    [InlineData("en", "Production (local)", "Running")]
    public async Task The_local_page_shows_the_machines_and_updates_by_itself(string lang, string title, string running)
    {
        var started = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(started.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var minutes = new MinuteList(Enumerable.Range(1, 3).Select(i => new KpiMinute(Press, minute.AddMinutes(-i), "早班", 60_000, 48_000, 12_000, 0, 0, 0,
            new Dictionary<int, long> { [3] = 12_000 }, 1, false, 8, 0, 0.4, 6)).ToList());
        // the good counter grows by one every half second, as a running press's would
        IReadOnlyList<LiveTag> Live() =>
        [
            new("press-1.state", Press, TagRole.State, null, 1, TagQuality.Good, DateTimeOffset.UtcNow),
            new("press-1.good", Press, TagRole.GoodCount, null, Math.Floor((DateTimeOffset.UtcNow - started).TotalSeconds * 2), TagQuality.Good, DateTimeOffset.UtcNow),
        ];
        var dashboard = new LocalDashboard(() => minutes, Live, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), DownReasonNames.Default, TimeProvider.System);
        await using var server = new LocalPageServer(new LocalPageConfig(IPAddress.Loopback, FreePort()), dashboard, NullLogger.Instance);
        server.Start();

        var page = await NewPageAsync(lang == "zh" ? "zh-CN" : "en");
        await page.GotoAsync(server.Url + "?lang=" + lang);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var machine = page.Locator($"[data-testid=machine][data-path='{Press}']");
        await Expect(machine).ToHaveAttributeAsync("data-state", "Running", new() { Timeout = 30_000 });
        await Expect(machine.Locator("[data-testid=state]")).ToHaveTextAsync(running);
        await Expect(machine.Locator("[data-testid=oee]")).ToHaveTextAsync("80.0 %");
        await Expect(page.Locator("[data-testid=oee-chart]")).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(page.Locator("[data-testid=pareto-chart]")).ToHaveAttributeAsync("data-rendered", "true");
        await ScreenshotAsync(page, $"gateway-local-{lang}");

        var good = machine.Locator("[data-testid=good]");
        var first = await good.InnerTextAsync();
        await Expect(good).Not.ToHaveTextAsync(first, new() { Timeout = 30_000 });
        Assert.True(await page.Locator("[data-testid=error]").IsHiddenAsync());
    }

    [Theory]
    [InlineData("zh", "本地存储磁盘已满", "内存中暂存 4,321 / 2,000,000 条数据")]
    [InlineData("en", "Local store: disk full", "4,321 of at most 2,000,000 samples held in memory")]
    public async Task The_store_alarm_shows_while_the_disk_is_full_and_goes_when_it_writes_again(string lang, string title, string held)
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        var health = new LocalStoreHealth(100, 0, 4, 12, 0, 0, "disk full", 4_321,
            new StoreAlarm(StoreAlarm.DiskFull, "本地存储磁盘已满，数据暂时无法写入。", "The local store's disk is full: data cannot be written.", since, 4_321, 0) { HeldLimit = 2_000_000 },
            2_000_000);
        var dashboard = new LocalDashboard(() => null, () => [], TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), DownReasonNames.Default, TimeProvider.System);
        await using var server = new LocalPageServer(new LocalPageConfig(IPAddress.Loopback, FreePort()), dashboard, NullLogger.Instance, () => Volatile.Read(ref health));
        server.Start();

        var page = await NewPageAsync(lang == "zh" ? "zh-CN" : "en");
        await page.GotoAsync(server.Url + "?lang=" + lang);
        var alarm = page.Locator("[data-testid=store-alarm]");
        await Expect(alarm).ToBeVisibleAsync();
        await Expect(alarm.Locator("[data-testid=store-alarm-title]")).ToHaveTextAsync(title);
        await Expect(alarm.Locator("[data-testid=store-alarm-held]")).ToHaveTextAsync(held);
        await Expect(alarm.Locator("[data-testid=store-alarm-since]")).ToContainTextAsync(TimeZoneInfo.ConvertTime(since, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm"));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 30_000 });
        await ScreenshotAsync(page, $"gateway-local-disk-full-{lang}");

        Volatile.Write(ref health, health with { Alarm = null, HeldSamples = 0 }); // space again: the page's next refresh clears the banner
        await Expect(alarm).ToBeHiddenAsync(new() { Timeout = 30_000 });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
