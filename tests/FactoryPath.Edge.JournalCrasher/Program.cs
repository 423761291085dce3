using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;

// Usage: FactoryPath.Edge.JournalCrasher <journal folder> <gateway id> <payload bytes>
// Appends health-kind records forever. After each append returns (the record is on disk) it prints "appended <seq>";
// every 7th record it acknowledges up to seq - 3 and prints "acked <seq>". The parent test kills it mid-stream and
// checks, after reopening the journal, that everything printed is there and whole.
if (args.Length != 3 || !int.TryParse(args[2], out var payloadBytes) || payloadBytes < 1)
{
    Console.Error.WriteLine("usage: FactoryPath.Edge.JournalCrasher <journal folder> <gateway id> <payload bytes>");
    return 2;
}

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
    var envelope = journal.Append("crash", new CrashPayload(next, filler), DateTimeOffset.UtcNow);
    Console.WriteLine($"appended {envelope.Sequence}");
    if (envelope.Sequence % 7 == 0)
    {
        journal.Acknowledge(envelope.Sequence - 3);
        Console.WriteLine($"acked {envelope.Sequence - 3}");
    }

    Console.Out.Flush();
}

internal sealed record CrashPayload(long Counter, string Filler);
