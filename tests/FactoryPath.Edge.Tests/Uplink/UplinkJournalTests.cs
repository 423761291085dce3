using System.Text;
using FactoryPath.Edge.Tests.Store;
using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Tests.Uplink;

public sealed class UplinkJournalTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static UplinkJournalOptions Options(string folder, long maxBytes = 1024 * 1024) => new()
    {
        Directory = folder,
        GatewayId = "gw-1",
        MaxBytes = maxBytes,
        SegmentBytes = 4096,
        MaxRecordBytes = 2048,
    };

    private sealed record Note(int N, string Text);

    [Fact]
    public void Crc32_gives_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void A_folder_is_flushed_and_a_missing_one_is_an_IOException()
    {
        using var folder = new TempFolder();
        DirectorySync.Flush(folder.Path);
        if (OperatingSystem.IsLinux())
        {
            var error = Assert.Throws<IOException>(() => DirectorySync.Flush(Path.Combine(folder.Path, "missing")));
            Assert.Contains("errno 2", error.Message, StringComparison.Ordinal); // ENOENT
        }
    }

    [Fact]
    public void Records_come_back_in_order_after_the_acknowledged_position()
    {
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(Options(folder.Path));
        for (var i = 1; i <= 5; i++)
        {
            var envelope = journal.Append(UplinkKinds.Health, new Note(i, "n" + i), At);
            Assert.Equal(i, envelope.Sequence);
            Assert.Equal("gw-1", envelope.GatewayId);
        }

        journal.Acknowledge(2);

        var pending = journal.ReadAfter(journal.AcknowledgedSequence, 10);
        Assert.Equal([3L, 4L, 5L], pending.Select(r => r.Sequence));
        Assert.Equal([3, 4, 5], pending.Select(r => r.Envelope().PayloadAs<Note>().N));
        Assert.Equal(UplinkKinds.Health, pending[0].Envelope().Kind);
        Assert.Equal(3, journal.Backlog);
        Assert.Equal([4L], journal.ReadAfter(3, 1).Select(r => r.Sequence));
        Assert.Throws<ArgumentOutOfRangeException>(() => journal.Acknowledge(6));
    }

    [Fact]
    public void Sequence_and_acknowledged_position_continue_after_reopening()
    {
        using var folder = new TempFolder();
        using (var journal = UplinkJournal.Open(Options(folder.Path)))
        {
            for (var i = 1; i <= 4; i++)
            {
                journal.Append("rollup", new Note(i, "x"), At);
            }

            journal.Acknowledge(3);
        }

        using (var reopened = UplinkJournal.Open(Options(folder.Path)))
        {
            Assert.Equal((3L, 4L), (reopened.AcknowledgedSequence, reopened.LastSequence));
            Assert.Equal([4L], reopened.ReadAfter(3, 10).Select(r => r.Sequence));
            Assert.Equal(5, reopened.Append("rollup", new Note(5, "x"), At).Sequence);
            reopened.Acknowledge(5);
            Assert.Empty(Directory.GetFiles(folder.Path, "*.seg"));
        }

        // everything acknowledged and every segment deleted: the sequence still continues from the acked file
        using var third = UplinkJournal.Open(Options(folder.Path));
        Assert.Equal(6, third.Append("rollup", new Note(6, "x"), At).Sequence);
    }

    [Fact]
    public void Fully_acknowledged_segments_are_deleted_and_the_size_shrinks()
    {
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(Options(folder.Path));
        for (var i = 1; i <= 40; i++)
        {
            journal.Append("rollup", new Note(i, new string('s', 300)), At);
        }

        var segments = Directory.GetFiles(folder.Path, "*.seg").Length;
        var size = journal.SizeBytes;
        Assert.True(segments > 3, $"expected several 4 KiB segments, found {segments}");

        journal.Acknowledge(20);

        Assert.True(Directory.GetFiles(folder.Path, "*.seg").Length < segments);
        Assert.True(journal.SizeBytes < size);
        Assert.Equal(Enumerable.Range(21, 20).Select(i => (long)i), journal.ReadAfter(20, 100).Select(r => r.Sequence));

        // reads that go on from the last one, and reads that go back before it, both start at the right record
        Assert.Equal([26L, 27, 28], journal.ReadAfter(25, 3).Select(r => r.Sequence));
        Assert.Equal([29L, 30], journal.ReadAfter(28, 2).Select(r => r.Sequence));
        Assert.Equal([22L, 23], journal.ReadAfter(21, 2).Select(r => r.Sequence));
        Assert.Equal([40L], journal.ReadAfter(39, 5).Select(r => r.Sequence));
    }

    [Fact]
    public void A_full_journal_refuses_the_append_and_counts_it()
    {
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(Options(folder.Path, maxBytes: 4096));
        var appended = 0;
        void FillUp()
        {
            while (true)
            {
                journal.Append("rollup", new Note(appended, new string('f', 500)), At);
                appended++;
            }
        }

        var error = Assert.Throws<UplinkJournalFullException>(FillUp);

        Assert.Contains("uplink journal is full", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, journal.Refused);
        Assert.Equal(appended, journal.LastSequence);
        Assert.True(journal.SizeBytes <= 4096);

        // once acknowledged, room comes back
        journal.Acknowledge(journal.LastSequence);
        Assert.Equal(appended + 1, journal.Append("rollup", new Note(0, "again"), At).Sequence);
    }

    [Theory]
    [InlineData("header cut short")]
    [InlineData("payload cut short")]
    [InlineData("payload corrupted")]
    [InlineData("length absurd")]
    public void A_torn_last_record_is_truncated_and_never_read(string damage)
    {
        using var folder = new TempFolder();
        using (var journal = UplinkJournal.Open(Options(folder.Path)))
        {
            journal.Append("rollup", new Note(1, "one"), At);
            journal.Append("rollup", new Note(2, "two"), At);
        }

        var segment = Assert.Single(Directory.GetFiles(folder.Path, "*.seg"));
        var intact = new FileInfo(segment).Length;
        var payload = Encoding.UTF8.GetBytes("{\"gatewayId\":\"gw-1\",\"sequence\":3}");
        var record = new byte[UplinkJournal.HeaderBytes + payload.Length];
        UplinkJournal.EncodeHeader(record, 3, payload);
        payload.CopyTo(record, UplinkJournal.HeaderBytes);
        byte[] tail = damage switch
        {
            "header cut short" => record[..9],
            "payload cut short" => record[..^5],
            "payload corrupted" => Corrupt(record, UplinkJournal.HeaderBytes + 3),
            _ => [0xFF, 0xFF, 0xFF, 0x7F, .. record[4..]],
        };
        using (var file = new FileStream(segment, FileMode.Append))
        {
            file.Write(tail);
        }

        using var reopened = UplinkJournal.Open(Options(folder.Path));

        Assert.Equal(intact, new FileInfo(segment).Length);
        Assert.Equal(tail.Length, reopened.TruncatedBytesAtOpen);
        Assert.Equal([1L, 2L], reopened.ReadAfter(0, 10).Select(r => r.Sequence));
        Assert.Equal(3, reopened.Append("rollup", new Note(3, "three"), At).Sequence);
        Assert.Equal("three", reopened.ReadAfter(2, 10).Single().Envelope().PayloadAs<Note>().Text);
    }

    [Fact]
    public async Task A_waiter_wakes_when_a_record_is_appended()
    {
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(Options(folder.Path));
        var waiting = journal.WaitForRecordsAfterAsync(0, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        journal.Append("health", new Note(1, "x"), At);

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(journal.WaitForRecordsAfterAsync(0, CancellationToken.None).IsCompleted);
    }

    [Theory]
    [InlineData("", "gw-1")]
    [InlineData("dir", "gw/1")]
    [InlineData("dir", "")]
    public void Invalid_options_are_refused(string directory, string gateway) =>
        Assert.Throws<ArgumentException>(() => UplinkJournal.Open(new UplinkJournalOptions { Directory = directory, GatewayId = gateway }));

    private static byte[] Corrupt(byte[] record, int at)
    {
        var copy = record.ToArray();
        copy[at] ^= 0x20;
        return copy;
    }
}
