using System.Net;
using System.Text.Json;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Edge.LocalPage;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Tests.LocalPage;

/// <summary>
/// The local store's alarm on the gateway's own page: rendered in Chinese and English with since when and the samples
/// held out of the limit, served in the page and in /api/status over real HTTP, and gone once the store writes again.
/// (The same page on a really full disk: Web.Tests' GatewayDiskFullTests.)
/// </summary>
public sealed class StoreStatusPageTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Since = new(2026, 11, 24, 0, 0, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Since.AddMinutes(3).AddSeconds(20);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static LocalStoreHealth Full(long held = 1_234, long lost = 0) =>
        new(10, 0, 3, 7, lost, 0, "disk full", held, StoreAlarm.For(diskFull: true, Since, held, lost, 2_000_000), 2_000_000);

    private static readonly LocalStoreHealth Healthy = new(5_000, 0, 9, 7, 0, 0, null, 0, null, 2_000_000);

    [Fact]
    public void A_disk_full_alarm_reads_in_chinese_with_since_when_and_held_out_of_the_limit()
    {
        var view = StoreStatusPage.View(Full(), chinese: true, Shanghai, Now);

        Assert.False(view.Writing);
        var alarm = view.Alarm!;
        Assert.Equal(StoreAlarm.DiskFull, alarm.Code);
        Assert.Equal("本地存储磁盘已满", alarm.Title);
        Assert.Contains("磁盘已满", alarm.Message);
        Assert.Equal("自 2026-11-24 08:00:05 (UTC+08:00) 起，已持续 3 分钟", alarm.SinceText);
        Assert.Equal("内存中暂存 1,234 / 2,000,000 条数据", alarm.HeldText);
        Assert.Equal((1_234L, 2_000_000L), (alarm.HeldSamples, alarm.HeldLimit));
    }

    [Fact]
    public void A_disk_full_alarm_reads_in_english_and_says_what_was_lost()
    {
        var alarm = StoreStatusPage.View(Full(held: 2_000_000, lost: 15), chinese: false, Shanghai, Since.AddHours(2).AddMinutes(5)).Alarm!;

        Assert.Equal("Local store: disk full", alarm.Title);
        Assert.Contains("disk is full", alarm.Message);
        Assert.Equal("Since 2026-11-24 08:00:05 (UTC+08:00), for 2 h 5 min", alarm.SinceText);
        Assert.Equal("2,000,000 of at most 2,000,000 samples held in memory, 15 lost", alarm.HeldText);
    }

    [Fact]
    public void A_store_that_writes_has_no_alarm_and_the_page_keeps_its_hidden_placeholder()
    {
        var view = StoreStatusPage.View(Healthy, chinese: true, Shanghai, Now);

        Assert.True(view.Writing);
        Assert.Null(view.Alarm);
        Assert.Equal(2_000_000, view.HeldLimit);
        Assert.Equal(StoreStatusPage.Placeholder, StoreStatusPage.Banner(view.Alarm));
    }

    [Fact]
    public void The_banner_encodes_every_text()
    {
        var alarm = new StoreStatusView(false, 1, 2, 0, 1, new StoreAlarmView("write-failed", "<b>t</b>", "a & \"b\"", Since, "<s>", 1, 2, "<h>", 0)).Alarm;

        var html = StoreStatusPage.Banner(alarm);

        Assert.Contains("data-testid=\"store-alarm\" data-code=\"write-failed\"", html);
        Assert.Contains("&lt;b&gt;t&lt;/b&gt;", html);
        Assert.Contains("a &amp; &quot;b&quot;", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain(" hidden", html);
    }

    [Fact]
    public async Task The_page_and_the_status_json_show_the_alarm_while_it_lasts()
    {
        var health = Full();
        var dashboard = new LocalDashboard(() => null, () => [], Shanghai, DownReasonNames.Default, new FixedClock(Now));
        await using var server = new LocalPageServer(new LocalPageConfig(IPAddress.Loopback, FreePort.Next()), dashboard, NullLogger.Instance, () => health);
        server.Start();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(30) };

        var page = await http.GetStringAsync("/?lang=zh");
        Assert.Contains("data-testid=\"store-alarm\" data-code=\"disk-full\"", page);
        Assert.Contains("本地存储磁盘已满", page);
        Assert.Contains("内存中暂存 1,234 / 2,000,000 条数据", page);
        Assert.DoesNotContain(StoreStatusPage.Placeholder, page);
        Assert.Contains("Local store: disk full", await http.GetStringAsync("/?lang=en"));
        var status = JsonDocument.Parse(await http.GetStringAsync("/api/status?lang=en")).RootElement.GetProperty("store");
        Assert.False(status.GetProperty("writing").GetBoolean());
        var alarm = status.GetProperty("alarm");
        Assert.Equal("disk-full", alarm.GetProperty("code").GetString());
        Assert.Equal(1_234, alarm.GetProperty("heldSamples").GetInt64());
        Assert.Equal(2_000_000, alarm.GetProperty("heldLimit").GetInt64());
        Assert.Equal("Since 2026-11-24 08:00:05 (UTC+08:00), for 3 min", alarm.GetProperty("sinceText").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/status?lang=fr")).StatusCode);

        health = Healthy; // writing again
        Assert.Contains(StoreStatusPage.Placeholder, await http.GetStringAsync("/?lang=zh"));
        status = JsonDocument.Parse(await http.GetStringAsync("/api/status")).RootElement.GetProperty("store");
        Assert.True(status.GetProperty("writing").GetBoolean());
        Assert.False(status.TryGetProperty("alarm", out _), "no alarm once the store writes"); // nulls are left out of the JSON
    }

    [Fact]
    public async Task A_page_without_a_store_reports_none()
    {
        var dashboard = new LocalDashboard(() => null, () => [], Shanghai, DownReasonNames.Default, new FixedClock(Now));
        await using var server = new LocalPageServer(new LocalPageConfig(IPAddress.Loopback, FreePort.Next()), dashboard, NullLogger.Instance);
        server.Start();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(30) };

        Assert.False(JsonDocument.Parse(await http.GetStringAsync("/api/status")).RootElement.TryGetProperty("store", out _));
        Assert.Contains(StoreStatusPage.Placeholder, await http.GetStringAsync("/"));
    }
}
