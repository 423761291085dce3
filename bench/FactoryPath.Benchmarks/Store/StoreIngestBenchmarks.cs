using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DuckDB.NET.Data;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;

namespace FactoryPath.Benchmarks.Store;

/// <summary>
/// Local-store ingest: one million points (100 batches of one sample for each of 10,000 tags) per operation, into a
/// fresh DuckDB file each iteration. <see cref="RawAppender"/> is DuckDB's appender driven directly with the same
/// rows and schema, tag keys known in advance (the ceiling); <see cref="LocalStoreWrite"/> is the gateway's write path: WriteAsync batches
/// through the bounded queue and the writer task (tag id to key, events, latest values, appender), ending with
/// FlushAsync.
/// Op/s is points per second (OperationsPerInvoke).
/// </summary>
[Config(typeof(IngestConfig))]
public class StoreIngestBenchmarks
{
    private const int Tags = 10_000;
    private const int Batches = 100;
    private const int Points = Tags * Batches;

    private TagSample[][] batches = [];

    /// <summary>The store's <see cref="LocalStoreOptions.BatchSize"/>: samples per appender pass (one DuckDB commit each).</summary>
    [Params(50_000, 250_000)]
    public int BatchSize { get; set; }
    private int[] keys = [];
    private string folder = string.Empty;
    private string file = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, Tags).Select(i => $"line-{i / 100}/machine-{i % 100}/tag").ToArray();
        batches = Enumerable.Range(0, Batches)
            .Select(b => ids.Select((id, i) => i % 97 == 0 && b % 10 == 0
                ? TagSample.Bad(id, start.AddSeconds(b))
                : TagSample.Good(id, start.AddSeconds(b), (i * 31 + b) % 1000 / 10.0)).ToArray())
            .ToArray();
        keys = Enumerable.Range(0, Tags).ToArray();
        folder = Directory.CreateTempSubdirectory("fp-bench-store-").FullName;
    }

    [IterationSetup]
    public void NewFile()
    {
        file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".duckdb");
    }

    [IterationCleanup]
    public void RemoveFile()
    {
        foreach (var path in Directory.GetFiles(folder))
        {
            File.Delete(path);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark(Baseline = true, OperationsPerInvoke = Points)]
    public void RawAppender()
    {
        using var connection = new DuckDBConnection("Data Source=" + file);
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE samples (tag_key INTEGER NOT NULL, ts TIMESTAMP NOT NULL, value DOUBLE, quality UTINYINT NOT NULL)";
            create.ExecuteNonQuery();
        }

        using var appender = connection.CreateAppender("samples");
        foreach (var batch in batches)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                var sample = batch[i];
                var row = appender.CreateRow().AppendValue(keys[i]).AppendValue(sample.Timestamp.UtcDateTime);
                (sample.Value is { } value ? row.AppendValue(value) : row.AppendNullValue()).AppendValue((byte)sample.Quality).EndRow();
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public async Task LocalStoreWrite()
    {
        await using var store = LocalStore.Open(new LocalStoreOptions { DatabasePath = file, BatchSize = BatchSize });
        foreach (var batch in batches)
        {
            await store.WriteAsync(batch, CancellationToken.None);
        }

        await store.FlushAsync();
    }

    private sealed class IngestConfig : ManualConfig
    {
        public IngestConfig()
        {
            // in-process: the separate build of the benchmark project runs past BenchmarkDotNet's build timeout here
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8)
                .WithToolchain(InProcessEmitToolchain.Instance).WithId("StoreIngest"));
            AddColumn(StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
        }
    }
}
