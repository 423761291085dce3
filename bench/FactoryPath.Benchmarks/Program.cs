using BenchmarkDotNet.Running;

if (args is ["store-memory"])
{
    await FactoryPath.Benchmarks.Store.StoreMemoryProbe.RunAsync();
    return;
}

if (args is ["poll-to-store"])
{
    await FactoryPath.Benchmarks.Modbus.PollToStoreProbe.RunAsync();
    return;
}

if (args is ["kpi-recompute", ..])
{
    FactoryPath.Benchmarks.Kpi.KpiRecomputeProbe.Run(args);
    return;
}

if (args is ["region-dashboard", ..])
{
    Environment.ExitCode = await FactoryPath.Benchmarks.Regional.RegionDashboardProbe.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(FactoryPath.Benchmarks.BenchmarkMarker).Assembly).Run(args);
