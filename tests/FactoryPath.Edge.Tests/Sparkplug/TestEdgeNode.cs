using FactoryPath.Edge.Sparkplug;

namespace FactoryPath.Edge.Tests.Sparkplug;

/// <summary>
/// Builds the messages a Sparkplug edge node sends, with the sequence number counting 0-255 over NBIRTH, NDATA, DBIRTH,
/// DDATA and DDEATH; metrics are (name, alias, type, value) in births and (alias, value) in data.
/// </summary>
internal sealed class TestEdgeNode(string group, string node)
{
    private ulong seq;

    public string Group => group;

    public string Node => node;

    public long BdSeq { get; set; }

    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public (string Topic, byte[] Payload) NodeBirth(params (string Name, ulong Alias, SparkplugDataType Type, double Value)[] metrics)
    {
        seq = 0;
        var all = new List<SparkplugMetric> { new("bdSeq", null, null, SparkplugDataType.Int64, false, SparkplugValue.FromLong((ulong)BdSeq)) };
        all.AddRange(metrics.Select(m => new SparkplugMetric(m.Name, m.Alias, null, m.Type, false, SparkplugValue.FromNumber(m.Type, m.Value))));
        return ($"spBv1.0/{group}/NBIRTH/{node}", Encode(all, NextSeq()));
    }

    public (string Topic, byte[] Payload) NodeDeath(long? bdSeq = null) =>
        ($"spBv1.0/{group}/NDEATH/{node}", SparkplugCodec.Encode(new SparkplugPayload(
            null, [new SparkplugMetric("bdSeq", null, null, SparkplugDataType.Int64, false, SparkplugValue.FromLong((ulong)(bdSeq ?? BdSeq)))])));

    public (string Topic, byte[] Payload) DeviceBirth(string device, params (string Name, ulong Alias, SparkplugDataType Type, double Value)[] metrics) =>
        ($"spBv1.0/{group}/DBIRTH/{node}/{device}",
            Encode(metrics.Select(m => new SparkplugMetric(m.Name, m.Alias, null, m.Type, false, SparkplugValue.FromNumber(m.Type, m.Value))).ToList(), NextSeq()));

    public (string Topic, byte[] Payload) NodeData(params (ulong Alias, SparkplugDataType Type, double Value)[] metrics) =>
        ($"spBv1.0/{group}/NDATA/{node}", Encode(Data(metrics), NextSeq()));

    public (string Topic, byte[] Payload) DeviceData(string device, params (ulong Alias, SparkplugDataType Type, double Value)[] metrics) =>
        ($"spBv1.0/{group}/DDATA/{node}/{device}", Encode(Data(metrics), NextSeq()));

    public (string Topic, byte[] Payload) DeviceDeath(string device) =>
        ($"spBv1.0/{group}/DDEATH/{node}/{device}", Encode([], NextSeq()));

    /// <summary>Loses the next <paramref name="count"/> sequence numbers, as if messages were dropped.</summary>
    public void Skip(int count) => seq = (seq + (ulong)count) % 256;

    private static List<SparkplugMetric> Data((ulong Alias, SparkplugDataType Type, double Value)[] metrics) =>
        metrics.Select(m => new SparkplugMetric(null, m.Alias, null, m.Type, false, SparkplugValue.FromNumber(m.Type, m.Value))).ToList();

    private ulong NextSeq()
    {
        var current = seq;
        seq = (seq + 1) % 256;
        return current;
    }

    private byte[] Encode(List<SparkplugMetric> metrics, ulong sequence) =>
        SparkplugCodec.Encode(new SparkplugPayload((ulong)Now.ToUnixTimeMilliseconds(), metrics, sequence));
}
