using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using DuckDB.NET.Data;
using FactoryPath.Edge.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Store;

/// <summary>
/// The gateway's local store: one DuckDB file holding raw samples, derived events, the tag register and minute/hour
/// rollups. <see cref="WriteAsync"/> only queues (a bounded queue: writers wait when it is full); one writer task
/// appends queued samples with DuckDB's appender when <see cref="LocalStoreOptions.BatchSize"/> are waiting or
/// <see cref="LocalStoreOptions.FlushInterval"/> has passed. Disposing drains the queue first, so a clean stop loses
/// nothing. Every member is thread-safe; database work is serialised on one connection.
/// </summary>
public sealed partial class LocalStore : ISampleSink, IAsyncDisposable
{
    private readonly LocalStoreOptions options;
    private readonly ILogger logger;
    private readonly DuckDBConnection connection;
    private readonly Lock gate = new();
    private readonly Channel<QueueItem> queue;
    private readonly Task writer;

    // tag id -> sample key, key -> tag id, key -> latest sample (TagId null: none yet); guarded by `keysLock`
    private readonly Lock keysLock = new();
    private readonly Dictionary<string, int> keyOf = new(StringComparer.Ordinal);
    private readonly List<string> nameOf = [];
    private TagSample[] latestByKey = new TagSample[1024];
    private int persistedKeys;
    private readonly ConcurrentDictionary<string, TagInfo> tags = new(StringComparer.Ordinal);

    // last known value of each event-bearing tag; touched only by the writer task
    private readonly Dictionary<string, double?> eventBaseline = new(StringComparer.Ordinal);
    private readonly List<TagEvent> pendingEvents = [];

    private long samplesWritten;
    private long eventsWritten;
    private long batches;
    private long writeErrors;
    private long lostSamples;
    private long rejectedSamples;
    private string? lastError;
    private int disposed;

    private LocalStore(LocalStoreOptions options, ILogger logger, DuckDBConnection connection)
    {
        this.options = options;
        this.logger = logger;
        this.connection = connection;
        queue = Channel.CreateBounded<QueueItem>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        LoadTags();
        LoadBaselines();
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Opens (creating when missing) the store; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public static LocalStore Open(LocalStoreOptions options, ILogger<LocalStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid local store options: " + string.Join("; ", errors), nameof(options));
        }

        if (options.DatabasePath is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new DuckDBConnection("Data Source=" + (options.DatabasePath ?? ":memory:"));
        try
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"SET memory_limit = '{options.MemoryLimitMegabytes}MB';\n" + StoreSchema.Create;
            create.ExecuteNonQuery();
            return new LocalStore(options, logger ?? (ILogger)NullLogger.Instance, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public LocalStoreOptions Options => options;

    /// <summary>Queues samples for the store; waits while the queue is full. Throws once the store is disposed.</summary>
    public async ValueTask WriteAsync(IReadOnlyList<TagSample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (samples.Count == 0)
        {
            return;
        }

        // the caller may reuse its list once this returns; a sample without a tag id is dropped, a good one whose value
        // is NaN or infinite is kept as bad (it would poison min/max/mean), both counted
        var copy = new TagSample[samples.Count];
        var kept = 0;
        for (var i = 0; i < copy.Length; i++)
        {
            var sample = samples[i];
            if (string.IsNullOrEmpty(sample.TagId))
            {
                Interlocked.Increment(ref rejectedSamples);
                continue;
            }

            if (sample.Value is { } value && !double.IsFinite(value))
            {
                Interlocked.Increment(ref rejectedSamples);
                sample = TagSample.Bad(sample.TagId, sample.Timestamp);
            }

            copy[kept++] = sample;
        }

        if (kept == 0)
        {
            return;
        }

        if (kept < copy.Length)
        {
            Array.Resize(ref copy, kept);
        }

        try
        {
            await queue.Writer.WriteAsync(new QueueItem(copy, null), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(LocalStore));
        }
    }

    /// <summary>Returns once every sample queued before the call is in the database (and visible to queries).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await queue.Writer.WriteAsync(new QueueItem(null, done), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(LocalStore));
        }

        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces tags in the register (roles decide events and increases from then on).</summary>
    public void RegisterTags(IEnumerable<TagInfo> infos)
    {
        ArgumentNullException.ThrowIfNull(infos);
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO tags VALUES ($id, $path, $role, $unit)";
            foreach (var info in infos)
            {
                command.Parameters.Clear();
                command.Parameters.Add(new DuckDBParameter("id", info.TagId));
                command.Parameters.Add(new DuckDBParameter("path", info.Path.ToString()));
                command.Parameters.Add(new DuckDBParameter("role", info.Role.ToString()));
                command.Parameters.Add(new DuckDBParameter("unit", (object?)info.Unit ?? DBNull.Value));
                command.ExecuteNonQuery();
                tags[info.TagId] = info;
            }
        }
    }

    /// <summary>The tag register as stored.</summary>
    public IReadOnlyCollection<TagInfo> Tags => tags.Values.ToArray();

    /// <summary>The latest sample of every tag written (bad ones included), loaded at open from the last hour stored.</summary>
    public IReadOnlyDictionary<string, TagSample> LatestValues()
    {
        lock (keysLock)
        {
            var result = new Dictionary<string, TagSample>(nameOf.Count, StringComparer.Ordinal);
            for (var key = 0; key < nameOf.Count; key++)
            {
                if (latestByKey[key].TagId is not null)
                {
                    result[nameOf[key]] = latestByKey[key];
                }
            }

            return result;
        }
    }

    /// <summary>The latest sample of one tag, or null when none was written.</summary>
    public TagSample? Latest(string tagId)
    {
        lock (keysLock)
        {
            return keyOf.TryGetValue(tagId, out var key) && latestByKey[key].TagId is not null ? latestByKey[key] : null;
        }
    }

    internal int? KeyOf(string tagId)
    {
        lock (keysLock)
        {
            return keyOf.TryGetValue(tagId, out var key) ? key : null;
        }
    }

    internal string NameOf(int key)
    {
        lock (keysLock)
        {
            return nameOf[key];
        }
    }

    public LocalStoreHealth Health() => new(
        Interlocked.Read(ref samplesWritten), Interlocked.Read(ref eventsWritten), Interlocked.Read(ref batches),
        Interlocked.Read(ref writeErrors), Interlocked.Read(ref lostSamples), Interlocked.Read(ref rejectedSamples), Volatile.Read(ref lastError));

    /// <summary>Stops accepting samples, writes everything queued, and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        lock (gate)
        {
            connection.Dispose();
        }
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new List<TagSample[]>();
        var buffered = 0;
        var firstAt = 0L;
        var reader = queue.Reader;
        while (true)
        {
            while (reader.TryRead(out var item))
            {
                if (item.Samples is { } samples)
                {
                    if (buffered == 0)
                    {
                        firstAt = Environment.TickCount64;
                    }

                    buffer.Add(samples);
                    buffered += samples.Length;
                    if (buffered >= options.BatchSize)
                    {
                        WriteBuffered(buffer);
                        buffered = 0;
                    }
                }
                else
                {
                    WriteBuffered(buffer);
                    buffered = 0;
                    item.Flushed!.TrySetResult();
                }
            }

            bool more;
            if (buffered == 0)
            {
                more = await reader.WaitToReadAsync().ConfigureAwait(false);
            }
            else
            {
                var left = firstAt + (long)options.FlushInterval.TotalMilliseconds - Environment.TickCount64;
                if (left <= 0)
                {
                    WriteBuffered(buffer);
                    buffered = 0;
                    continue;
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(left));
                try
                {
                    more = await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    WriteBuffered(buffer);
                    buffered = 0;
                    continue;
                }
            }

            if (!more)
            {
                break;
            }
        }

        WriteBuffered(buffer);
    }

    private void WriteBuffered(List<TagSample[]> buffer)
    {
        if (buffer.Count == 0)
        {
            return;
        }

        var count = 0;
        var keys = new int[buffer.Count][];
        lock (keysLock)
        {
            for (var c = 0; c < buffer.Count; c++)
            {
                keys[c] = ResolveKeys(buffer[c]);
                count += buffer[c].Length;
            }
        }

        foreach (var chunk in buffer)
        {
            DeriveEvents(chunk);
        }

        try
        {
            lock (gate)
            {
                AppendNewKeys();
                AppendSamples(buffer, keys);
                AppendEvents();
            }

            Interlocked.Add(ref samplesWritten, count);
            Interlocked.Increment(ref batches);
            lock (keysLock)
            {
                for (var c = 0; c < buffer.Count; c++)
                {
                    NoteLatest(buffer[c], keys[c]);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // a full disk or a broken file: these samples cannot be kept; count them so health shows it, and keep the
            // writer task alive for the next batch
            Interlocked.Increment(ref writeErrors);
            Interlocked.Add(ref lostSamples, count);
            Volatile.Write(ref lastError, ex.Message);
            logger.LogError(ex, "local store could not write {Count} samples", count);
        }
        finally
        {
            buffer.Clear();
            pendingEvents.Clear();
        }
    }

    // one dictionary lookup per sample; new tags get the next key
    private int[] ResolveKeys(TagSample[] chunk)
    {
        var keys = new int[chunk.Length];
        for (var i = 0; i < chunk.Length; i++)
        {
            ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(keyOf, chunk[i].TagId, out var exists);
            if (!exists)
            {
                key = nameOf.Count;
                nameOf.Add(chunk[i].TagId);
                if (key >= latestByKey.Length)
                {
                    Array.Resize(ref latestByKey, latestByKey.Length * 2);
                }
            }

            keys[i] = key;
        }

        return keys;
    }

    // keys assigned since the last successful write go into tag_keys first (again after a failed write)
    private void AppendNewKeys()
    {
        string[] added;
        lock (keysLock)
        {
            added = nameOf.Skip(persistedKeys).ToArray();
        }

        if (added.Length == 0)
        {
            return;
        }

        using (var appender = connection.CreateAppender("tag_keys"))
        {
            for (var i = 0; i < added.Length; i++)
            {
                appender.CreateRow().AppendValue(persistedKeys + i).AppendValue(added[i]).EndRow();
            }
        }

        persistedKeys += added.Length;
    }

    private void AppendSamples(List<TagSample[]> buffer, int[][] keys)
    {
        using var appender = connection.CreateAppender("samples");
        for (var c = 0; c < buffer.Count; c++)
        {
            var chunk = buffer[c];
            var chunkKeys = keys[c];
            for (var i = 0; i < chunk.Length; i++)
            {
                ref readonly var sample = ref chunk[i];
                var row = appender.CreateRow().AppendValue(chunkKeys[i]).AppendValue(sample.Timestamp.UtcDateTime);
                (sample.Value is { } value ? row.AppendValue(value) : row.AppendNullValue())
                    .AppendValue((byte)sample.Quality)
                    .EndRow();
            }
        }
    }

    private void AppendEvents()
    {
        if (pendingEvents.Count == 0)
        {
            return;
        }

        using var appender = connection.CreateAppender("events");
        foreach (var e in pendingEvents)
        {
            var row = appender.CreateRow().AppendValue(e.TagId).AppendValue(e.Timestamp.UtcDateTime).AppendValue(e.Kind);
            row = e.Old is { } old ? row.AppendValue(old) : row.AppendNullValue();
            row = e.New is { } now ? row.AppendValue(now) : row.AppendNullValue();
            row.EndRow();
        }

        Interlocked.Add(ref eventsWritten, pendingEvents.Count);
    }

    private void NoteLatest(TagSample[] chunk, int[] keys)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            ref var known = ref latestByKey[keys[i]];
            if (known.TagId is null || known.Timestamp <= chunk[i].Timestamp)
            {
                known = chunk[i];
            }
        }
    }

    private void DeriveEvents(TagSample[] chunk)
    {
        if (tags.IsEmpty)
        {
            return;
        }

        foreach (var sample in chunk)
        {
            if (sample.Quality != TagQuality.Good || sample.Value is not { } value
                || !tags.TryGetValue(sample.TagId, out var info)
                || info.Role is not (TagRole.State or TagRole.Alarm or TagRole.DownReason))
            {
                continue;
            }

            var known = eventBaseline.TryGetValue(sample.TagId, out var before);
            if (known && before == value)
            {
                continue;
            }

            eventBaseline[sample.TagId] = value;
            string? kind = info.Role switch
            {
                TagRole.State => TagEventKinds.State,
                TagRole.DownReason => TagEventKinds.DownReason,
                _ when value != 0 && (before ?? 0) == 0 => TagEventKinds.AlarmRaised,
                _ when value == 0 && (before ?? 0) != 0 => TagEventKinds.AlarmCleared,
                _ when value != 0 => TagEventKinds.AlarmChanged,
                _ => null, // an alarm first seen at zero: nothing happened
            };
            if (kind is not null)
            {
                pendingEvents.Add(new TagEvent(sample.TagId, sample.Timestamp, kind, known ? before : null, value));
            }
        }
    }

    private void LoadTags()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, asset_path, role, unit FROM tags";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var path = AssetPath.TryParse(reader.GetString(1), out _);
            if (path is null || !Enum.TryParse<TagRole>(reader.GetString(2), out var role))
            {
                logger.LogWarning("local store: tag {Tag} has an unreadable register row; it is left out until registered again", id);
                continue;
            }

            tags[id] = new TagInfo(id, path, role, reader.IsDBNull(3) ? null : reader.GetString(3));
        }
    }

    private void LoadBaselines()
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, tag FROM tag_keys ORDER BY key";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetInt32(0);
                if (key != nameOf.Count)
                {
                    throw new InvalidDataException($"local store tag_keys is not dense: key {key} where {nameOf.Count} was expected");
                }

                keyOf[reader.GetString(1)] = key;
                nameOf.Add(reader.GetString(1));
            }

            persistedKeys = nameOf.Count;
            latestByKey = new TagSample[Math.Max(1024, nameOf.Count * 2)];
        }

        using (var command = connection.CreateCommand())
        {
            // the last hour stored is enough for the live view; older tags reappear with their next sample
            command.CommandText = """
                SELECT tag_key, arg_max(ts, ts), arg_max(value, ts), arg_max(quality, ts) FROM samples
                WHERE ts >= (SELECT max(ts) FROM samples) - INTERVAL 1 HOUR GROUP BY tag_key
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetInt32(0);
                latestByKey[key] = new TagSample(
                    nameOf[key],
                    Utc(reader.GetDateTime(1)),
                    reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    (TagQuality)reader.GetByte(3));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT tag, arg_max(new_value, ts) FROM events GROUP BY tag";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                eventBaseline[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDouble(1);
            }
        }
    }

    internal static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    private readonly record struct QueueItem(TagSample[]? Samples, TaskCompletionSource? Flushed);
}
