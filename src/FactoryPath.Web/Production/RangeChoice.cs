using System.Globalization;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Production;

/// <summary>The time-range picker of the production page: today, this shift, 7 days, 30 days, or custom dates.</summary>
public static class RangeChoice
{
    public static readonly IReadOnlyList<string> Keys = ["today", "shift", "7d", "30d", "custom"];

    /// <summary>The range a choice stands for and the trend bucket that suits it.</summary>
    public static async Task<Outcome<(ProductionRange Range, DashboardBucket Bucket, string? Shift)>> ResolveAsync(
        ProductionService service, Guid enterpriseId, string key, string? from, string? to, CancellationToken ct = default)
    {
        var zone = service.Zone;
        var today = Buckets.StartOfDay(service.Now, zone);
        switch (key)
        {
            case "shift":
                var (range, shift) = await service.CurrentShiftAsync(enterpriseId, ct);
                return Ok(range, DashboardBucket.Hour, shift);
            case "7d":
                return Ok(new ProductionRange(today.AddDays(-6), today.AddDays(1)), DashboardBucket.Day, null);
            case "30d":
                return Ok(new ProductionRange(today.AddDays(-29), today.AddDays(1)), DashboardBucket.Day, null);
            case "custom":
                if (!TryDate(from, out var first)) return Outcome<(ProductionRange, DashboardBucket, string?)>.Invalid("from", "yyyy-MM-dd");
                if (!TryDate(to, out var last)) return Outcome<(ProductionRange, DashboardBucket, string?)>.Invalid("to", "yyyy-MM-dd");
                var start = Buckets.StartOfDay(new DateTimeOffset(first.AddHours(12), zone.GetUtcOffset(first.AddHours(12))), zone);
                var end = Buckets.StartOfDay(new DateTimeOffset(last.AddHours(36), zone.GetUtcOffset(last.AddHours(36))), zone);
                var checkedRange = service.Range(start, end);
                if (!checkedRange.IsOk) return Outcome<(ProductionRange, DashboardBucket, string?)>.Invalid(checkedRange.Errors!);
                return Ok(checkedRange.Value!, end - start > TimeSpan.FromDays(2) ? DashboardBucket.Day : DashboardBucket.Hour, null);
            default:
                return Ok(new ProductionRange(today, today.AddDays(1)), DashboardBucket.Hour, null);
        }
    }

    private static Outcome<(ProductionRange, DashboardBucket, string?)> Ok(ProductionRange range, DashboardBucket bucket, string? shift) =>
        Outcome<(ProductionRange, DashboardBucket, string?)>.Ok((range, bucket, shift));

    private static bool TryDate(string? text, out DateTime date) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
