using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Uplink;

/// <summary>
/// The uplink's store-and-forward queue on disk. Every outgoing <see cref="UplinkEnvelope"/> is appended here first,
/// with the next sequence id; the publisher sends records in order and acknowledges them after the broker's PUBACK.
/// <para>Layout of <see cref="UplinkJournalOptions.Directory"/>:</para>
/// <list type="bullet">
/// <item><c>{first sequence, 20 digits}.seg</c>: append-only segments. A record is a 16-byte header — payload length
/// (uint32 LE), sequence (int64 LE), CRC-32 (uint32 LE) of the sequence bytes and the payload — and the payload, the
/// envelope as UTF-8 JSON (<see cref="UplinkJson.Options"/>).</item>
/// <item><c>acked</c>: the highest acknowledged sequence as decimal text, replaced atomically (written to
/// <c>acked.tmp</c>, flushed, renamed over, the folder flushed).</item>
/// </list>
/// On open, every segment is read back; a record whose length runs past the end of the file or whose CRC does not
/// match (a write torn by a crash) ends the segment, and the file is truncated there. Sequence ids continue after
/// the highest one found in the segments or the <c>acked</c> file. Segments whose records are all acknowledged are
/// deleted. Thread-safe.
/// </summary>
public sealed class UplinkJournal : IDisposable
{
    internal const int HeaderBytes = 16;
    private const string SegmentExtension = ".seg";
    private const string AckedFile = "acked";

    private readonly UplinkJournalOptions options;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly List<Segment> segments = [];
    private FileStream? active;
    private Segment? cutPending;
    private TaskCompletionSource appended = NewSignal();
    private long lastSequence;
    private long ackedSequence;
    private long sizeBytes;
    private long refused;
    private bool disposed;
    private (Segment Segment, long Offset, long Sequence)? readCursor;

    private UplinkJournal(UplinkJournalOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
    }

    public static UplinkJournal Open(UplinkJournalOptions options, ILogger<UplinkJournal>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid uplink journal options: " + string.Join("; ", errors), nameof(options));
        }

        Directory.CreateDirectory(options.Directory);
        var journal = new UplinkJournal(options, logger ?? (ILogger)NullLogger.Instance);
        journal.Recover();
        return journal;
    }

    public string GatewayId => options.GatewayId;

    /// <summary>The sequence of the last record appended (0 when none ever was).</summary>
    public long LastSequence
    {
        get { lock (gate) { return lastSequence; } }
    }

    /// <summary>The highest sequence acknowledged; every record up to it is done.</summary>
    public long AcknowledgedSequence
    {
        get { lock (gate) { return ackedSequence; } }
    }

    /// <summary>Records appended but not yet acknowledged.</summary>
    public long Backlog
    {
        get { lock (gate) { return lastSequence - ackedSequence; } }
    }

    /// <summary>Bytes the segment files take now.</summary>
    public long SizeBytes
    {
        get { lock (gate) { return sizeBytes; } }
    }

    /// <summary>Appends refused because the journal was full.</summary>
    public long Refused => Interlocked.Read(ref refused);

    /// <summary>Bytes cut off the end of segments at open (torn or corrupt records).</summary>
    public long TruncatedBytesAtOpen { get; private set; }

    /// <summary>Appends an envelope of <paramref name="kind"/> with the next sequence id; durable on return (unless fsync is off).</summary>
    /// <exception cref="UplinkJournalFullException">The journal is at its maximum size; nothing was written.</exception>
    public UplinkEnvelope Append<T>(string kind, T payload, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (kind.Contains('/') || kind.Contains('+') || kind.Contains('#'))
        {
            throw new ArgumentException($"uplink kind '{kind}' must not contain '/', '+' or '#'", nameof(kind));
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var sequence = lastSequence + 1;
            var envelope = UplinkEnvelope.Create(options.GatewayId, sequence, kind, createdAt, payload);
            var json = JsonSerializer.SerializeToUtf8Bytes(envelope, UplinkJson.Options);
            if (json.Length > options.MaxRecordBytes)
            {
                throw new ArgumentException($"uplink {kind} envelope is {json.Length:N0} bytes, above the {options.MaxRecordBytes:N0}-byte record limit", nameof(payload));
            }

            var recordBytes = HeaderBytes + json.Length;
            if (sizeBytes + recordBytes > options.MaxBytes)
            {
                Interlocked.Increment(ref refused);
                throw new UplinkJournalFullException(sizeBytes, options.MaxBytes, recordBytes);
            }

            var record = new byte[recordBytes];
            EncodeHeader(record, sequence, json);
            json.CopyTo(record.AsSpan(HeaderBytes));

            var segment = ActiveSegment(sequence, recordBytes);
            try
            {
                active!.Write(record);
                if (options.FsyncOnAppend)
                {
                    active.Flush(flushToDisk: true);
                }
                else
                {
                    active.Flush();
                }
            }
            catch (IOException)
            {
                // a full disk (ENOSPC) may have taken part of the record. The stream's position stays at the last whole
                // record, so the next append would overwrite those bytes anyway; cutting them now keeps the segment exact
                // also when nothing follows (the gateway stops). The caller keeps the data (rollups stay unsent in the store).
                Interlocked.Increment(ref refused);
                CutBack(segment);
                throw;
            }

            segment.Length += recordBytes;
            segment.Last = sequence;
            sizeBytes += recordBytes;
            lastSequence = sequence;
            var signal = appended;
            appended = NewSignal();
            signal.TrySetResult();
            return envelope;
        }
    }

    /// <summary>Up to <paramref name="max"/> records with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    public IReadOnlyList<JournalRecord> ReadAfter(long afterSequence, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var result = new List<JournalRecord>();
        var header = new byte[HeaderBytes];
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            foreach (var segment in segments)
            {
                if (segment.Last <= afterSequence || result.Count >= max)
                {
                    continue;
                }

                using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

                // the publisher reads on from where its last read ended: start there instead of the segment's start
                var offset = readCursor is { } cursor && cursor.Segment == segment && cursor.Sequence <= afterSequence ? cursor.Offset : 0L;
                while (offset < segment.Length && result.Count < max)
                {
                    // records already sent are skipped by their header (checked when the journal opened or wrote them)
                    file.Position = offset;
                    file.ReadExactly(header);
                    var sequence = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(4));
                    var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
                    if (sequence > afterSequence)
                    {
                        var read = ReadRecord(file, offset, segment.Length) ?? throw new InvalidDataException(
                            $"uplink journal segment {segment.Path} changed under the journal at offset {offset}");
                        result.Add(new JournalRecord(read.Sequence, read.Payload));
                        readCursor = (segment, offset + HeaderBytes + length, read.Sequence);
                    }

                    offset += HeaderBytes + length;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Marks every record up to <paramref name="sequence"/> done (durably, atomically) and deletes segments that hold
    /// only such records. Acknowledging a sequence at or below the current one does nothing.
    /// </summary>
    public void Acknowledge(long sequence)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (sequence <= ackedSequence)
            {
                return;
            }

            if (sequence > lastSequence)
            {
                throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"only sequences up to {lastSequence} were appended");
            }

            WriteAcked(sequence);
            ackedSequence = sequence;
            while (segments.Count > 0 && segments[0].Last <= sequence)
            {
                var done = segments[0];
                if (segments.Count == 1)
                {
                    active?.Dispose();
                    active = null;
                }

                File.Delete(done.Path);
                sizeBytes -= done.Length;
                segments.RemoveAt(0);
            }
        }
    }

    /// <summary>Completes once a record with a sequence above <paramref name="afterSequence"/> exists.</summary>
    public Task WaitForRecordsAfterAsync(long afterSequence, CancellationToken cancellationToken)
    {
        Task signal;
        lock (gate)
        {
            if (lastSequence > afterSequence)
            {
                return Task.CompletedTask;
            }

            signal = appended.Task;
        }

        return signal.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            active?.Dispose();
            active = null;
        }
    }

    private void CutBack(Segment segment)
    {
        try
        {
            active!.SetLength(segment.Length);
            active.Position = segment.Length;
        }
        catch (IOException ex)
        {
            // the next append opens the segment again and cuts it there (see ActiveSegment)
            logger.LogWarning("uplink journal could not cut {Segment} back to {Length} bytes: {Error}", segment.Path, segment.Length, ex.Message);
            active?.Dispose();
            active = null;
            cutPending = segment;
        }
    }

    private Segment ActiveSegment(long sequence, int recordBytes)
    {
        if (cutPending is { } cut)
        {
            var reopened = new FileStream(cut.Path, FileMode.Open, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
            try
            {
                reopened.SetLength(cut.Length);
                reopened.Position = cut.Length;
            }
            catch
            {
                reopened.Dispose();
                throw;
            }

            active = reopened;
            cutPending = null;
        }

        var current = segments.Count > 0 ? segments[^1] : null;
        if (current is not null && active is not null && (current.Length == 0 || current.Length + recordBytes <= options.SegmentBytes))
        {
            return current;
        }

        active?.Dispose();
        var path = Path.Combine(options.Directory, sequence.ToString("D20", CultureInfo.InvariantCulture) + SegmentExtension);
        active = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
        if (options.FsyncOnAppend)
        {
            DirectorySync.Flush(options.Directory); // the new segment's name must survive a power loss too
        }

        var segment = new Segment(path) { First = sequence, Last = sequence - 1 };
        segments.Add(segment);
        return segment;
    }

    private void Recover()
    {
        ackedSequence = ReadAcked();
        var files = Directory.GetFiles(options.Directory, "*" + SegmentExtension).Order(StringComparer.Ordinal).ToList();
        foreach (var path in files)
        {
            var segment = new Segment(path);
            using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
            {
                var length = file.Length;
                var offset = 0L;
                var previous = segments.Count > 0 ? segments[^1].Last : 0;
                while (offset < length)
                {
                    var read = ReadRecord(file, offset, length);
                    if (read is null || read.Value.Sequence <= previous)
                    {
                        break;
                    }

                    if (segment.Length == 0)
                    {
                        segment.First = read.Value.Sequence;
                    }

                    previous = read.Value.Sequence;
                    segment.Last = previous;
                    offset += HeaderBytes + read.Value.Payload.Length;
                    segment.Length = offset;
                }

                if (offset < length)
                {
                    logger.LogWarning("uplink journal: {Bytes} bytes after offset {Offset} of {Segment} are a torn or corrupt record; truncated", length - offset, offset, path);
                    TruncatedBytesAtOpen += length - offset;
                    file.SetLength(offset);
                    file.Flush(flushToDisk: true);
                }
            }

            if (segment.Length == 0 || segment.Last <= ackedSequence)
            {
                File.Delete(path);
                continue;
            }

            segments.Add(segment);
            sizeBytes += segment.Length;
        }

        lastSequence = Math.Max(ackedSequence, segments.Count > 0 ? segments[^1].Last : 0);
        if (segments.Count > 0)
        {
            active = new FileStream(segments[^1].Path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
        }
    }

    // one record at `offset`, or null when it is torn (runs past `length`), too long to be real, or fails its CRC
    private (long Sequence, byte[] Payload)? ReadRecord(FileStream file, long offset, long length)
    {
        if (length - offset < HeaderBytes)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        file.Position = offset;
        file.ReadExactly(header);
        var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (payloadLength == 0 || payloadLength > (uint)options.MaxRecordBytes || payloadLength > length - offset - HeaderBytes)
        {
            return null;
        }

        var payload = new byte[payloadLength];
        file.ReadExactly(payload);
        var crc = Crc32.Append(Crc32.Compute(header.Slice(4, 8)), payload);
        if (crc != BinaryPrimitives.ReadUInt32LittleEndian(header[12..]))
        {
            return null;
        }

        var sequence = BinaryPrimitives.ReadInt64LittleEndian(header[4..]);
        return sequence > 0 ? (sequence, payload) : null;
    }

    internal static void EncodeHeader(Span<byte> record, long sequence, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(record[4..], sequence);
        var crc = Crc32.Append(Crc32.Compute(record.Slice(4, 8)), payload);
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], crc);
    }

    private long ReadAcked()
    {
        var path = Path.Combine(options.Directory, AckedFile);
        if (!File.Exists(path))
        {
            return 0;
        }

        var text = File.ReadAllText(path).Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // written by rename, so never torn; unreadable means someone edited it: replay everything rather than skip
        logger.LogError("uplink journal: {Path} holds '{Text}', not a sequence; treating nothing as acknowledged", path, text);
        return 0;
    }

    private void WriteAcked(long sequence)
    {
        var path = Path.Combine(options.Directory, AckedFile);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture)));
            file.Flush(flushToDisk: options.FsyncOnAppend);
        }

        File.Move(temp, path, overwrite: true);
        if (options.FsyncOnAppend)
        {
            // without it a power loss may bring back the previous acked file: records are then sent again, never lost
            DirectorySync.Flush(options.Directory);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Segment(string path)
    {
        public string Path { get; } = path;

        public long First { get; set; }

        public long Last { get; set; }

        public long Length { get; set; }
    }
}

/// <summary>One journal record: its sequence and the envelope as the UTF-8 JSON that goes on the wire.</summary>
public sealed record JournalRecord(long Sequence, ReadOnlyMemory<byte> Json)
{
    public UplinkEnvelope Envelope() => JsonSerializer.Deserialize<UplinkEnvelope>(Json.Span, UplinkJson.Options)
        ?? throw new JsonException($"uplink journal record {Sequence} holds null");
}
