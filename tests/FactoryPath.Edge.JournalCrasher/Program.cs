using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;

// Usage: FactoryPath.Edge.JournalCrasher <journal folder> <gateway id> <payload bytes> [rollups]
// Appends records forever: "crash"-kind records, or with "rollups" one minute rollup batch per record as a gateway
// would (tag crash.counter, the minute after 2026-11-24 00:00 UTC given by the sequence, increase = sequence) and
// no acknowledgements, which are the publisher's to give. After each append returns (the record is on disk) it prints "appended <seq>";
// every 7th record it acknowledges up to seq - 3 and prints "acked <seq>". The parent test kills it mid-stream and
// checks, after reopening the journal, that everything printed is there and whole.
if (args.Length is < 3 or > 4 || !int.TryParse(args[2], out var payloadBytes) || payloadBytes < 1 || (args.Length == 4 && args[3] != "rollups"))
{
    Console.Error.WriteLine("usage: FactoryPath.Edge.JournalCrasher <journal folder> <gateway id> <payload bytes> [rollups]");
    return 2;
}

var rollups = args.Length == 4;

using var journal = UplinkJournal.Open(new UplinkJournalOptions
{
    Directory = args[0],
    GatewayId = args[1],
    SegmentBytes = 256 * 1024,
});
Console.Out.Flush();
var filler = new string('x', payloadBytes);
while (true)
{
    var next = journal.LastSequence + 1;
    var envelope = rollups
        ? journal.Append(UplinkKinds.Rollup, Rollup(next), DateTimeOffset.UtcNow)
        : journal.Append("crash", new CrashPayload(next, filler), DateTimeOffset.UtcNow);
    Console.WriteLine($"appended {envelope.Sequence}");
    if (!rollups && envelope.Sequence % 7 == 0)
    {
        journal.Acknowledge(envelope.Sequence - 3);
        Console.WriteLine($"acked {envelope.Sequence - 3}");
    }

    Console.Out.Flush();
}

static RollupBatch Rollup(long sequence) => new("1m",
[
    new RollupRecord("crash.counter", "crash/site/area/line/machine", FactoryPath.Edge.Model.TagRole.GoodCount,
        new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero).AddMinutes(sequence), 60, 0, sequence, sequence, sequence, 0, sequence),
]);

internal sealed record CrashPayload(long Counter, string Filler);
