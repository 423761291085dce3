using System.Collections.Concurrent;
using FactoryPath.Edge.Configuration;

namespace FactoryPath.Edge.Tests.Configuration;

public sealed class GatewayConfigWatcherTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("fp-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Config(string pollInterval) => $"""
        gateway:
          id: gw-1
        equipment:
          - id: press-1
            path: acme/site/area/line/press-1
        devices:
          - name: plc
            protocol: modbus-tcp
            host: 127.0.0.1
            poll: {pollInterval}
        tags:
          - id: t1
            device: plc
            equipment: press-1
            role: state
            table: holding
            address: 0
        """;

    [Fact]
    public async Task ChangedFile_IsApplied_AndAFileWithMistakes_IsRejectedWhileTheOldOneStays()
    {
        var file = Path.Combine(folder, "edge.yaml");
        await File.WriteAllTextAsync(file, Config("1s"));
        var applied = new ConcurrentQueue<GatewayConfig>();
        var rejected = new ConcurrentQueue<ConfigException>();
        using var watcher = new GatewayConfigWatcher(file, applied.Enqueue, rejected.Enqueue, TimeSpan.FromMilliseconds(100));

        await File.WriteAllTextAsync(file, Config("250ms"));
        await Until(() => !applied.IsEmpty);
        Assert.Equal(TimeSpan.FromMilliseconds(250), Assert.Single(applied).Devices[0].Poll);

        await File.WriteAllTextAsync(file, Config("soon"));
        await Until(() => rejected.Any(r => r.Errors.Any(e => e.Line == 10 && e.Message.Contains("'poll' 'soon'"))));
        Assert.Single(applied);

        // the same content saved again is not a change
        var before = (watcher.Applied, watcher.Rejected);
        await File.WriteAllTextAsync(file, Config("soon"));
        watcher.Reload();
        Assert.Equal(before, (watcher.Applied, watcher.Rejected));
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the watcher did not react within 20 s");
            await Task.Delay(50);
        }
    }
}
