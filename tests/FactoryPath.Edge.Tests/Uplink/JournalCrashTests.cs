using System.Diagnostics;
using FactoryPath.Edge.Tests.Store;
using FactoryPath.Edge.Uplink;

namespace FactoryPath.Edge.Tests.Uplink;

/// <summary>
/// A real crash: a child process appends to the journal (fsync on) and is killed with SIGKILL mid-stream. Everything
/// it reported as appended or acknowledged must be there after reopening, whole and in order.
/// </summary>
public sealed class JournalCrashTests
{
    [Theory]
    [InlineData(200, 100)]
    [InlineData(20_000, 60)]
    public async Task Killing_the_writer_loses_nothing_it_reported_and_leaves_no_half_record(int payloadBytes, int killAfter)
    {
        using var folder = new TempFolder();
        var helper = Path.Combine(AppContext.BaseDirectory, "FactoryPath.Edge.JournalCrasher.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet, ["exec", helper, folder.Path, "gw-crash", payloadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        long lastAppended = 0, lastAcked = 0;
        using (var child = Process.Start(start)!)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                while (lastAppended < killAfter)
                {
                    var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                        ?? throw new InvalidOperationException("journal writer exited early: " + await child.StandardError.ReadToEndAsync());
                    var parts = line.Split(' ');
                    var value = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                    if (parts[0] == "appended")
                    {
                        Assert.Equal(lastAppended + 1, value);
                        lastAppended = value;
                    }
                    else
                    {
                        lastAcked = value;
                    }
                }
            }
            finally
            {
                child.Kill(); // SIGKILL on Linux: no cleanup code of the child runs
                await child.WaitForExitAsync();
            }
        }

        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = folder.Path, GatewayId = "gw-crash", SegmentBytes = 256 * 1024 });

        Assert.True(journal.AcknowledgedSequence >= lastAcked, $"acked {journal.AcknowledgedSequence} after the crash, {lastAcked} before");
        Assert.True(journal.LastSequence >= lastAppended, $"last {journal.LastSequence} after the crash, {lastAppended} reported");
        var records = journal.ReadAfter(journal.AcknowledgedSequence, int.MaxValue);
        var expected = journal.AcknowledgedSequence + 1;
        foreach (var record in records)
        {
            Assert.Equal(expected++, record.Sequence);
            var envelope = record.Envelope();
            Assert.Equal(record.Sequence, envelope.Sequence);
            Assert.Equal(record.Sequence, envelope.Payload.GetProperty("counter").GetInt64());
            Assert.Equal(payloadBytes, envelope.Payload.GetProperty("filler").GetString()!.Length);
        }

        Assert.Equal(journal.LastSequence, expected - 1);
        Assert.Equal(journal.LastSequence + 1, journal.Append("crash", new { counter = 0 }, DateTimeOffset.UtcNow).Sequence);
    }
}
