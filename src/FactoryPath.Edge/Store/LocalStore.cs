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
/// <para>
/// A pass is one DuckDB transaction (tag keys, samples, events), so a failed pass leaves nothing half-written. When a
/// pass fails (a full disk, a broken file) its samples are held in memory, up to
/// <see cref="LocalStoreOptions.OutageBufferSamples"/> (beyond it the oldest are dropped and counted as lost), the
/// health carries a <see cref="StoreAlarm"/>, and the pass is tried again every
/// <see cref="LocalStoreOptions.WriteRetryInterval"/> with the held samples first; the first pass that succeeds writes
/// them all and clears the alarm. A database DuckDB declares invalidated after a failed write is opened again.
/// </para>
/// </summary>
public sealed partial class LocalStore : ISampleSink, IAsyncDisposable
{
    private readonly LocalStoreOptions options;
    private readonly ILogger logger;
    private DuckDBConnection connection;
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

    // samples of failed passes, oldest first, and the alarm while passes fail; touched only by the writer task
    // (heldSamples and alarm are also read by Health)
    private readonly List<TagSample[]> held = [];
    private long heldSamples;
    private StoreAlarm? alarm;
    private DateTimeOffset? failingSince;
    private long lastFailureAt;

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
        Interlocked.Read(ref writeErrors), Interlocked.Read(ref lostSamples), Interlocked.Read(ref rejectedSamples), Volatile.Read(ref lastError),
        Interlocked.Read(ref heldSamples), Volatile.Read(ref alarm), options.OutageBufferSamples);

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
            if (buffered == 0 && held.Count == 0)
            {
                more = await reader.WaitToReadAsync().ConfigureAwait(false);
            }
            else
            {
                var left = buffered > 0
                    ? firstAt + (long)options.FlushInterval.TotalMilliseconds - Environment.TickCount64
                    : lastFailureAt + (long)options.WriteRetryInterval.TotalMilliseconds - Environment.TickCount64;
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
        if (buffer.Count == 0 && held.Count == 0)
        {
            return;
        }

        foreach (var chunk in buffer)
        {
            DeriveEvents(chunk);
        }

        // while passes fail, try again only every WriteRetryInterval: new samples join the held ones meanwhile
        if (held.Count > 0 && Environment.TickCount64 - lastFailureAt < (long)options.WriteRetryInterval.TotalMilliseconds)
        {
            Hold(buffer);
            buffer.Clear();
            return;
        }

        // the held samples go first, in the order they came
        buffer.InsertRange(0, held);
        held.Clear();
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

        try
        {
            int newKeys;
            lock (gate)
            {
                // one transaction: a pass that fails leaves no part of itself behind (disposed uncommitted, it rolls back)
                using (var transaction = connection.BeginTransaction())
                {
                    newKeys = AppendNewKeys();
                    AppendSamples(buffer, keys);
                    AppendEvents();
                    transaction.Commit();
                }

                persistedKeys += newKeys;
            }

            Interlocked.Add(ref samplesWritten, count);
            Interlocked.Add(ref eventsWritten, pendingEvents.Count);
            Interlocked.Increment(ref batches);
            Interlocked.Exchange(ref heldSamples, 0);
            pendingEvents.Clear();
            lock (keysLock)
            {
                for (var c = 0; c < buffer.Count; c++)
                {
                    NoteLatest(buffer[c], keys[c]);
                }
            }

            if (failingSince is { } since)
            {
                logger.LogWarning("local store writes again after failing since {Since:u}: {Count} samples written, including those held in memory", since, count);
                failingSince = null;
                Volatile.Write(ref alarm, null);
            }

            buffer.Clear();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // a full disk or a broken file: hold the samples (and the events derived from them) for the next try
            Interlocked.Increment(ref writeErrors);
            Volatile.Write(ref lastError, ex.Message);
            lastFailureAt = Environment.TickCount64;
            Interlocked.Exchange(ref heldSamples, 0);
            Hold(buffer);
            buffer.Clear();
            var diskFull = IsDiskFull(ex);
            if (failingSince is null)
            {
                failingSince = DateTimeOffset.UtcNow;
                logger.LogError(ex, "local store could not write {Count} samples ({Reason}); holding them in memory (at most {Bound}) and trying again every {Retry}",
                    count, diskFull ? "disk full" : "write error", options.OutageBufferSamples, options.WriteRetryInterval);
            }
            else
            {
                logger.LogDebug("local store still cannot write: {Error}", ex.Message);
            }

            Volatile.Write(ref alarm, StoreAlarm.For(diskFull, failingSince.Value, Interlocked.Read(ref heldSamples), Interlocked.Read(ref lostSamples), options.OutageBufferSamples));
            ReopenIfInvalidated(ex);
        }
    }

    // adds chunks to the held samples and drops the oldest beyond the bound
    private void Hold(List<TagSample[]> chunks)
    {
        foreach (var chunk in chunks)
        {
            held.Add(chunk);
            Interlocked.Add(ref heldSamples, chunk.Length);
        }

        while (Interlocked.Read(ref heldSamples) > options.OutageBufferSamples && held.Count > 0)
        {
            var excess = Interlocked.Read(ref heldSamples) - options.OutageBufferSamples;
            var oldest = held[0];
            if (oldest.Length <= excess)
            {
                held.RemoveAt(0);
                Interlocked.Add(ref heldSamples, -oldest.Length);
                Interlocked.Add(ref lostSamples, oldest.Length);
            }
            else
            {
                held[0] = oldest[(int)excess..];
                Interlocked.Add(ref heldSamples, -excess);
                Interlocked.Add(ref lostSamples, excess);
            }
        }

        if (failingSince is { } since)
        {
            Volatile.Write(ref alarm, StoreAlarm.For(alarm?.Code == StoreAlarm.DiskFull, since, Interlocked.Read(ref heldSamples), Interlocked.Read(ref lostSamples), options.OutageBufferSamples));
        }
    }

    /// <summary>
    /// A full disk, as the operating system says it (ENOSPC, errno 28 on Linux; "No space left on device") or as DuckDB
    /// words it in its error messages.
    /// </summary>
    internal static bool IsDiskFull(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if ((e is IOException && (e.HResult & 0xFFFF) == 28)
                || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("disk is full", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("not enough space", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // DuckDB refuses every statement after some failed writes ("database has been invalidated"): open the file again
    private void ReopenIfInvalidated(Exception failure)
    {
        lock (gate)
        {
            try
            {
                Execute("SELECT 1");
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning("local store database unusable after a failed write ({Error}); opening it again", ex.Message);
            }

            try
            {
                connection.Dispose();
                var reopened = new DuckDBConnection("Data Source=" + (options.DatabasePath ?? ":memory:"));
                connection = reopened;
                reopened.Open();
                Execute($"SET memory_limit = '{options.MemoryLimitMegabytes}MB'");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // still no space to open it (replaying its write-ahead log needs some): the next try opens it again
                logger.LogDebug("local store could not open its database again after {Failure}: {Error}", failure.Message, ex.Message);
            }
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

    // keys assigned since the last successful write go into tag_keys first (again after a failed write); returns how
    // many, which count as persisted once the pass commits
    private int AppendNewKeys()
    {
        string[] added;
        lock (keysLock)
        {
            added = nameOf.Skip(persistedKeys).ToArray();
        }

        if (added.Length == 0)
        {
            return 0;
        }

        using (var appender = connection.CreateAppender("tag_keys"))
        {
            for (var i = 0; i < added.Length; i++)
            {
                appender.CreateRow().AppendValue(persistedKeys + i).AppendValue(added[i]).EndRow();
            }
        }

        return added.Length;
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
