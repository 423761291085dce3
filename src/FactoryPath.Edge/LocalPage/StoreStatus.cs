using System.Globalization;
using System.Net;
using FactoryPath.Edge.Store;

namespace FactoryPath.Edge.LocalPage;

/// <summary>The gateway's status as its local page reads it (/api/status): for now its local store.</summary>
public sealed record LocalStatus(StoreStatusView? Store);

/// <summary>
/// The local store in one language: whether it writes, the samples held in memory while it cannot and their limit
/// (<see cref="LocalStoreOptions.OutageBufferSamples"/>), samples lost beyond it, failed writes, and the alarm to show.
/// </summary>
public sealed record StoreStatusView(bool Writing, long HeldSamples, long HeldLimit, long LostSamples, long WriteErrors, StoreAlarmView? Alarm);

/// <summary>
/// A <see cref="StoreAlarm"/> ready to show: a title, the store's message, since when (in the factory's time zone, and
/// for how long) and the samples held in memory out of the limit, each as a sentence in the page's language.
/// </summary>
public sealed record StoreAlarmView(string Code, string Title, string Message, DateTimeOffset Since, string SinceText, long HeldSamples, long HeldLimit,
    string HeldText, long LostSamples);

/// <summary>Builds the store's part of the local page: the JSON view and the banner the page opens with.</summary>
public static class StoreStatusPage
{
    /// <summary>The element the page holds the banner in; the server fills it on "/", local.js on every refresh.</summary>
    public const string Placeholder = "<div class=\"alert error\" role=\"alert\" data-testid=\"store-alarm\" hidden></div>";

    public static StoreStatusView View(LocalStoreHealth health, bool chinese, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(zone);
        var alarm = health.Alarm is { } a ? Alarm(a, chinese, zone, now) : null;
        return new StoreStatusView(health.Alarm is null, health.HeldSamples, health.HeldLimit, health.LostSamples, health.WriteErrors, alarm);
    }

    public static StoreAlarmView Alarm(StoreAlarm alarm, bool chinese, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var diskFull = alarm.Code == StoreAlarm.DiskFull;
        var title = chinese ? (diskFull ? "本地存储磁盘已满" : "本地存储无法写入") : (diskFull ? "Local store: disk full" : "Local store cannot write");
        var local = TimeZoneInfo.ConvertTime(alarm.Since, zone);
        var at = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC" + local.ToString("zzz", CultureInfo.InvariantCulture) + ")";
        var lasted = Duration(now - alarm.Since, chinese);
        var since = chinese ? $"自 {at} 起，已持续 {lasted}" : $"Since {at}, for {lasted}";
        var held = alarm.HeldSamples.ToString("N0", CultureInfo.InvariantCulture);
        var limit = alarm.HeldLimit.ToString("N0", CultureInfo.InvariantCulture);
        var lost = alarm.LostSamples.ToString("N0", CultureInfo.InvariantCulture);
        var heldText = chinese
            ? $"内存中暂存 {held} / {limit} 条数据{(alarm.LostSamples > 0 ? $"，已丢失 {lost} 条" : "")}"
            : $"{held} of at most {limit} samples held in memory{(alarm.LostSamples > 0 ? $", {lost} lost" : "")}";
        return new StoreAlarmView(alarm.Code, title, chinese ? alarm.MessageZh : alarm.MessageEn, alarm.Since, since, alarm.HeldSamples, alarm.HeldLimit, heldText, alarm.LostSamples);
    }

    /// <summary>The banner as HTML, every text encoded; the hidden <see cref="Placeholder"/> when there is no alarm.</summary>
    public static string Banner(StoreAlarmView? alarm)
    {
        if (alarm is null) return Placeholder;
        static string E(string text) => WebUtility.HtmlEncode(text);
        return $"<div class=\"alert error\" role=\"alert\" data-testid=\"store-alarm\" data-code=\"{E(alarm.Code)}\">"
            + $"<strong data-testid=\"store-alarm-title\">{E(alarm.Title)}</strong>"
            + $"<p data-testid=\"store-alarm-message\">{E(alarm.Message)}</p>"
            + $"<p class=\"small\"><span data-testid=\"store-alarm-since\">{E(alarm.SinceText)}</span> · <span data-testid=\"store-alarm-held\">{E(alarm.HeldText)}</span></p>"
            + "</div>";
    }

    private static string Duration(TimeSpan span, bool chinese)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var minutes = (long)span.TotalMinutes;
        if (minutes < 1) return chinese ? "不到 1 分钟" : "less than a minute";
        if (minutes < 120) return chinese ? $"{minutes} 分钟" : $"{minutes} min";
        var hours = minutes / 60;
        return chinese ? $"{hours} 小时 {minutes % 60} 分钟" : $"{hours} h {minutes % 60} min";
    }
}
