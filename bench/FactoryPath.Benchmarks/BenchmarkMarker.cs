namespace FactoryPath.Benchmarks;

/// <summary>Anchors the assembly that holds the benchmarks.</summary>
public sealed class BenchmarkMarker;
