using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Gateway;

/// <summary>Hands every batch to each sink in turn (the live view first, then the local store).</summary>
public sealed class SampleFanOut(IReadOnlyList<ISampleSink> sinks) : ISampleSink
{
    public async ValueTask WriteAsync(IReadOnlyList<TagSample> samples, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
        {
            await sink.WriteAsync(samples, cancellationToken);
        }
    }
}
