namespace FactoryPath.Edge.Model;

/// <summary>Where a driver puts what it read: the gateway's pipeline (local store, live view, uplink).</summary>
public interface ISampleSink
{
    /// <summary>Accepts a batch of samples; returns when they are queued (not necessarily stored).</summary>
    ValueTask WriteAsync(IReadOnlyList<TagSample> samples, CancellationToken cancellationToken);
}
