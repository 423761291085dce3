using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Tests.Modbus;

/// <summary>Keeps every sample a source writes, for tests to look at while the source runs.</summary>
internal sealed class RecordingSink : ISampleSink
{
    private readonly Lock gate = new();
    private readonly List<TagSample> samples = [];

    public IReadOnlyList<TagSample> Samples
    {
        get
        {
            lock (gate)
            {
                return [.. samples];
            }
        }
    }

    public IReadOnlyList<TagSample> For(string tagId) => [.. Samples.Where(s => s.TagId == tagId)];

    public ValueTask WriteAsync(IReadOnlyList<TagSample> batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            samples.AddRange(batch);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {seconds} s waiting until {what}");
            }

            await Task.Delay(25);
        }
    }
}
