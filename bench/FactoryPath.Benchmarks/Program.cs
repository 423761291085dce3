using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FactoryPath.Benchmarks.BenchmarkMarker).Assembly).Run(args);
