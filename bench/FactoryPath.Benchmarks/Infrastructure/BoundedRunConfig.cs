using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace FactoryPath.Benchmarks.Infrastructure;

/// <summary>
/// One launch, 3 warm-up and 10 measured iterations: enough for a stable mean on a shared 2-core machine while
/// keeping each suite to a few minutes. Adds P95 and operations per second to the default columns
/// and shows parameter values in full.
/// </summary>
public sealed class BoundedRunConfig : ManualConfig
{
    public BoundedRunConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Bounded"));
        AddColumn(StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
        // model ids such as miit-sme-digital-level are longer than the default 20 characters
        WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(32));
    }
}
