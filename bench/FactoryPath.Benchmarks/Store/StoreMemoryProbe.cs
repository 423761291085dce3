using System.Diagnostics;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;

namespace FactoryPath.Benchmarks.Store;

/// <summary>
/// Memory for 10,000 tags: opens a store file, registers 10,000 tags, writes 60 one-second samples of each (600,000
/// rows), rolls up the minute, and prints the managed heap and the process's resident memory before and after, and
/// the file size. Run with <c>-- store-memory</c>.
/// </summary>
public static class StoreMemoryProbe
{
    public static async Task RunAsync()
    {
        const int tags = 10_000;
        var folder = Directory.CreateTempSubdirectory("fp-bench-memory-").FullName;
        try
        {
            var start = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
            var infos = Enumerable.Range(0, tags)
                .Select(i => new TagInfo($"t{i}", new AssetPath("acme", "site", "area", $"line-{i / 1000}", null, $"m{i % 1000}"), (TagRole)(i % 12), "u"))
                .ToArray();
            var (heap0, rss0) = Measure();

            await using var store = LocalStore.Open(new LocalStoreOptions { DatabasePath = Path.Combine(folder, "store.duckdb") });
            store.RegisterTags(infos);
            for (var second = 0; second < 60; second++)
            {
                await store.WriteAsync(infos.Select((t, i) => TagSample.Good(t.TagId, start.AddSeconds(second), (second + i) % 50)).ToArray(), CancellationToken.None);
            }

            await store.FlushAsync();
            var rollups = await store.ComputeRollupsAsync(start.AddMinutes(1).AddSeconds(10));
            var (heap1, rss1) = Measure();
            var latest = store.LatestValues().Count;

            Console.WriteLine($"tags {tags:N0}, samples {store.Health().SamplesWritten:N0}, events {store.Health().EventsWritten:N0}, minute rollups {rollups.MinuteRows:N0}, latest values {latest:N0}");
            Console.WriteLine($"managed heap: {heap0 / 1048576.0:F1} MiB before, {heap1 / 1048576.0:F1} MiB after (+{(heap1 - heap0) / 1048576.0:F1} MiB)");
            Console.WriteLine($"resident set: {rss0 / 1048576.0:F1} MiB before, {rss1 / 1048576.0:F1} MiB after (+{(rss1 - rss0) / 1048576.0:F1} MiB)");
            await store.DisposeAsync();
            var size = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"store files: {size / 1048576.0:F1} MiB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (long Heap, long Resident) Measure()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return (heap, self.WorkingSet64);
    }
}
