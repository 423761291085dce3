using BenchmarkDotNet.Running;

if (args is ["store-memory"])
{
    await FactoryPath.Benchmarks.Store.StoreMemoryProbe.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(FactoryPath.Benchmarks.BenchmarkMarker).Assembly).Run(args);
