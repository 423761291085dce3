using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FactoryPath.Benchmarks.Matching;

/// <summary>
/// The matching suites run in the benchmark process itself (in-process toolchain) instead of a freshly built copy:
/// on the shared machine that separate build of the platform ran past BenchmarkDotNet's two-minute build timeout.
/// <see cref="Latency"/> is the bounded job of the other suites (3 warm-up, 10 measured iterations);
/// <see cref="Build"/> is for a cold index build of many seconds: no warm-up, three measured runs.
/// </summary>
public static class InProcessRunConfig
{
    public sealed class Latency : ManualConfig
    {
        public Latency()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance).WithId("BoundedInProcess"));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
        }
    }

    public sealed class Build : ManualConfig
    {
        public Build()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(3)
                .WithToolchain(InProcessEmitToolchain.Instance).WithId("ColdBuildInProcess"));
        }
    }
}
