using System.Security.Cryptography;

namespace FactoryPath.Edge.Configuration;

/// <summary>
/// Watches a gateway's YAML file and reloads it when it changes, without a restart: a valid new file is handed to
/// <c>applied</c>; a file with mistakes goes to <c>rejected</c> with every error, and the gateway keeps running on
/// the configuration it had. Saves come in bursts (editors write, truncate, rename), so a change is read once the file
/// has been quiet for a short while, and a save that leaves the content as it was is ignored.
/// </summary>
public sealed class GatewayConfigWatcher : IDisposable
{
    private readonly string path;
    private readonly Action<GatewayConfig> applied;
    private readonly Action<ConfigException> rejected;
    private readonly FileSystemWatcher watcher;
    private readonly Timer quiet;
    private readonly TimeSpan settle;
    private readonly Lock gate = new();
    private byte[] lastHash;

    public GatewayConfigWatcher(string path, Action<GatewayConfig> applied, Action<ConfigException> rejected, TimeSpan? settle = null)
    {
        this.path = Path.GetFullPath(path);
        this.applied = applied;
        this.rejected = rejected;
        this.settle = settle ?? TimeSpan.FromMilliseconds(300);
        lastHash = Hash();
        quiet = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        watcher = new FileSystemWatcher(Path.GetDirectoryName(this.path)!)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnEvent;
        watcher.Created += OnEvent;
        watcher.Renamed += OnEvent;
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>How many times a changed file was applied, and rejected.</summary>
    public int Applied { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Reads the file now (also what the timer does after a change).</summary>
    public void Reload()
    {
        lock (gate)
        {
            var hash = Hash();
            if (hash.Length == 0 || hash.AsSpan().SequenceEqual(lastHash))
            {
                // unreadable or empty: the file is being replaced; its next write brings another event
                return;
            }

            lastHash = hash;
            try
            {
                var config = GatewayConfigLoader.Load(path);
                Applied++;
                applied(config);
            }
            catch (ConfigException e)
            {
                Rejected++;
                rejected(e);
            }
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (string.Equals(Path.GetFullPath(e.FullPath), path, StringComparison.Ordinal))
        {
            quiet.Change(settle, Timeout.InfiniteTimeSpan);
        }
    }

    private byte[] Hash()
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.Length == 0 ? [] : SHA256.HashData(bytes);
        }
        catch (IOException)
        {
            return [];
        }
    }

    public void Dispose()
    {
        watcher.Dispose();
        quiet.Dispose();
    }
}
