using FactoryPath.Edge.Model;
using FactoryPath.Edge.Mqtt;
using FactoryPath.Edge.Sparkplug;

namespace FactoryPath.Edge.Tests.Sparkplug;

public sealed class SparkplugHostTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 5, TimeSpan.Zero);

    private readonly SparkplugHost host = new(new SparkplugOptions
    {
        Broker = new() { Host = "localhost", ClientId = "t" },
        GroupIds = ["plant"],
        Mappings = [new("plant", "gw1", "press", "Temperature", "press-3/temp")],
    });

    private readonly TestEdgeNode edge = new("plant", "gw1");

    private SparkplugOutcome Send((string Topic, byte[] Payload) message, DateTimeOffset? at = null)
    {
        var outcome = new SparkplugOutcome();
        host.Handle(message.Topic, message.Payload, at ?? Now, outcome);
        return outcome;
    }

    private void BirthAll()
    {
        Assert.Empty(Send(edge.NodeBirth(("Power", 1, SparkplugDataType.Float, 4.5))).Errors);
        Assert.Empty(Send(edge.DeviceBirth("press", ("Temperature", 10, SparkplugDataType.Double, 180), ("Good", 11, SparkplugDataType.UInt32, 7))).Errors);
    }

    [Fact]
    public void Births_GiveTheirValues_UnderMappedAndRuleTagIds()
    {
        var node = Send(edge.NodeBirth(("Power", 1, SparkplugDataType.Float, 4.5)));
        var device = Send(edge.DeviceBirth("press", ("Temperature", 10, SparkplugDataType.Double, 180), ("Good", 11, SparkplugDataType.UInt32, 7)));

        Assert.Equal([TagSample.Good("gw1/Power", edge.Now, 4.5)], node.Samples);
        Assert.Equal([TagSample.Good("press-3/temp", edge.Now, 180), TagSample.Good("gw1/press/Good", edge.Now, 7)], device.Samples);
        Assert.Empty(node.Rebirths);
    }

    [Fact]
    public void Data_ResolvesAliasesToTheBirthNames()
    {
        BirthAll();

        var node = Send(edge.NodeData((1, SparkplugDataType.Float, 5.25)));
        var device = Send(edge.DeviceData("press", (11, SparkplugDataType.UInt32, 8), (10, SparkplugDataType.Double, 181.5)));

        Assert.Empty(node.Errors);
        Assert.Empty(device.Errors);
        Assert.Equal([TagSample.Good("gw1/Power", edge.Now, 5.25)], node.Samples);
        Assert.Equal([TagSample.Good("gw1/press/Good", edge.Now, 8), TagSample.Good("press-3/temp", edge.Now, 181.5)], device.Samples);
    }

    [Fact]
    public void SequenceWrapsFrom255ToZero_WithoutAGap()
    {
        BirthAll();
        for (var i = 0; i < 300; i++)
        {
            var outcome = Send(edge.NodeData((1, SparkplugDataType.Float, i)));
            Assert.Empty(outcome.Errors);
            Assert.Single(outcome.Samples);
        }
    }

    [Fact]
    public void SequenceGap_IsCounted_MarksTheNodeUncertain_AndAsksForARebirth()
    {
        BirthAll();
        edge.Skip(1);

        var gap = Send(edge.NodeData((1, SparkplugDataType.Float, 9)));

        var error = Assert.Single(gap.Errors);
        Assert.Equal(SourceErrorKind.SequenceGap, error.Kind);
        Assert.Equal("plant/gw1", error.Scope);
        Assert.Contains("has seq 3, expected 2", error.Message);
        Assert.Equal([("plant", "gw1")], gap.Rebirths);
        Assert.All(gap.Samples, s => Assert.Equal(TagQuality.Uncertain, s.Quality));
        Assert.Equal(["gw1/Power", "gw1/press/Good", "press-3/temp"], gap.Samples.Select(s => s.TagId).Order());
        Assert.Contains(gap.Samples, s => s.TagId == "gw1/Power" && s.Value == 4.5);

        // data is ignored until the new birth, and the rebirth is not asked again within the interval
        var after = Send(edge.NodeData((1, SparkplugDataType.Float, 10)));
        Assert.Empty(after.Samples);
        Assert.Empty(after.Rebirths);

        // the rebirth restores the node
        var reborn = Send(edge.NodeBirth(("Power", 1, SparkplugDataType.Float, 6)));
        Assert.Contains(TagSample.Good("gw1/Power", edge.Now, 6), reborn.Samples);
        Assert.Single(Send(edge.NodeData((1, SparkplugDataType.Float, 7))).Samples);
    }

    [Fact]
    public void RebirthIsAskedAgain_AfterTheInterval()
    {
        BirthAll();
        edge.Skip(2);
        Assert.Single(Send(edge.NodeData((1, SparkplugDataType.Float, 1))).Rebirths);

        Assert.Single(Send(edge.NodeData((1, SparkplugDataType.Float, 1)), Now.AddSeconds(6)).Rebirths);
    }

    [Fact]
    public void DataBeforeBirth_IsCounted_AndAsksForARebirth()
    {
        var outcome = Send(edge.NodeData((1, SparkplugDataType.Float, 1)));

        Assert.Equal(SourceErrorKind.DataBeforeBirth, Assert.Single(outcome.Errors).Kind);
        Assert.Equal([("plant", "gw1")], outcome.Rebirths);
        Assert.Empty(outcome.Samples);
    }

    [Fact]
    public void DeviceDataBeforeTheDeviceBirth_IsCounted()
    {
        Send(edge.NodeBirth(("Power", 1, SparkplugDataType.Float, 4.5)));

        var outcome = Send(edge.DeviceData("press", (10, SparkplugDataType.Double, 1)));

        Assert.Equal(SourceErrorKind.DataBeforeBirth, Assert.Single(outcome.Errors).Kind);
        Assert.Single(outcome.Rebirths);
    }

    [Fact]
    public void UnknownAlias_IsCounted_AndAsksForARebirth()
    {
        BirthAll();

        var outcome = Send(edge.NodeData((77, SparkplugDataType.Float, 1)));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(SourceErrorKind.UnknownAlias, error.Kind);
        Assert.Contains("alias 77", error.Message);
        Assert.Single(outcome.Rebirths);
    }

    [Fact]
    public void NodeDeath_MarksNodeAndDeviceTagsBad()
    {
        BirthAll();

        var death = Send(edge.NodeDeath());

        Assert.Equal(["gw1/Power", "gw1/press/Good", "press-3/temp"], death.Samples.Select(s => s.TagId).Order());
        // the death certificate carries no timestamp: the receive time is used
        Assert.All(death.Samples, s => Assert.Equal(TagSample.Bad(s.TagId, Now), s));
        Assert.Equal(SourceErrorKind.DataBeforeBirth, Assert.Single(Send(edge.NodeData((1, SparkplugDataType.Float, 1))).Errors).Kind);
    }

    [Fact]
    public void NodeDeathOfAnEarlierSession_IsIgnored()
    {
        edge.BdSeq = 4;
        BirthAll();

        var stale = Send(edge.NodeDeath(bdSeq: 3));

        Assert.Empty(stale.Samples);
        Assert.Empty(Send(edge.NodeData((1, SparkplugDataType.Float, 1))).Errors);
    }

    [Fact]
    public void DeviceDeath_MarksOnlyThatDeviceBad()
    {
        BirthAll();

        var death = Send(edge.DeviceDeath("press"));

        Assert.Equal(["gw1/press/Good", "press-3/temp"], death.Samples.Select(s => s.TagId).Order());
        Assert.All(death.Samples, s => Assert.Equal(TagQuality.Bad, s.Quality));
        Assert.Single(Send(edge.NodeData((1, SparkplugDataType.Float, 1))).Samples);
    }

    [Fact]
    public void MalformedPayload_IsCountedPerNode()
    {
        var outcome = Send(("spBv1.0/plant/NDATA/gw1", [0x12, 0x50, 0x01]));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(SourceErrorKind.MalformedPayload, error.Kind);
        Assert.Equal("plant/gw1", error.Scope);
    }

    [Fact]
    public void NullMetric_GivesABadSample()
    {
        BirthAll();
        var payload = SparkplugCodec.Encode(new SparkplugPayload(1, [new SparkplugMetric(null, 1, null, null, true, SparkplugValue.None)], 2));

        var outcome = Send(("spBv1.0/plant/NDATA/gw1", payload));

        Assert.Empty(outcome.Errors);
        Assert.Equal(TagQuality.Bad, Assert.Single(outcome.Samples).Quality);
    }

    [Fact]
    public void FilteredNodesAndOtherGroups_AreIgnored()
    {
        var filtered = new SparkplugHost(new SparkplugOptions { GroupIds = ["plant"], EdgeNodeIds = ["gw2"] });
        var outcome = new SparkplugOutcome();
        var (topic, payload) = edge.NodeBirth(("Power", 1, SparkplugDataType.Float, 4.5));

        filtered.Handle(topic, payload, Now, outcome);
        filtered.Handle("spBv1.0/other/NDATA/gw2", payload, Now, outcome);

        Assert.Empty(outcome.Samples);
        Assert.Empty(outcome.Errors);
    }

    [Fact]
    public void RebirthRequest_IsAnNcmdWithNodeControlRebirthTrue()
    {
        Assert.True(SparkplugCodec.TryDecode(SparkplugHost.RebirthRequest(Now), out var payload, out _));

        var metric = Assert.Single(payload.Metrics);
        Assert.Equal("Node Control/Rebirth", metric.Name);
        Assert.Equal(SparkplugDataType.Boolean, metric.DataType);
        Assert.True(metric.Value.Boolean);
        Assert.Equal("spBv1.0/plant/NCMD/gw1", SparkplugTopic.NodeCommand("plant", "gw1"));
    }

    [Fact]
    public void FilteredDevices_GiveNoSamples_ButTheirSequenceNumbersCount()
    {
        var filtered = new SparkplugHost(new SparkplugOptions { GroupIds = ["plant"], DeviceIds = ["press"] });
        var outcome = new SparkplugOutcome();
        void Send((string Topic, byte[] Payload) message) => filtered.Handle(message.Topic, message.Payload, Now, outcome);

        Send(edge.NodeBirth(("Power", 1, SparkplugDataType.Float, 4.5)));
        Send(edge.DeviceBirth("lathe", ("Speed", 20, SparkplugDataType.Int32, 900)));
        Send(edge.DeviceData("lathe", (20, SparkplugDataType.Int32, 950)));
        Send(edge.NodeData((1, SparkplugDataType.Float, 5)));

        Assert.Empty(outcome.Errors);
        Assert.Equal([TagSample.Good("gw1/Power", edge.Now, 4.5), TagSample.Good("gw1/Power", edge.Now, 5)], outcome.Samples);
    }

    [Fact]
    public void MangledMessages_AreReported_NeverThrown()
    {
        var random = new Random(3);
        var valid = new[]
        {
            edge.NodeBirth(("Power", 1, SparkplugDataType.Float, 4.5), ("Count", 2, SparkplugDataType.Int64, -3)),
            edge.DeviceBirth("press", ("Temperature", 10, SparkplugDataType.Double, 180)),
            edge.NodeData((1, SparkplugDataType.Float, 5)),
            edge.DeviceData("press", (10, SparkplugDataType.Double, 181)),
            edge.DeviceDeath("press"),
            edge.NodeDeath(),
        };
        var outcome = new SparkplugOutcome();
        for (var i = 0; i < 5000; i++)
        {
            var (topic, payload) = valid[random.Next(valid.Length)];
            var bytes = (byte[])payload.Clone();
            if (bytes.Length > 0)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            host.Handle(topic, random.Next(4) == 0 ? bytes[..random.Next(bytes.Length + 1)] : bytes, Now.AddSeconds(i), outcome);
        }

        Assert.Contains(outcome.Errors, e => e.Kind == SourceErrorKind.MalformedPayload);
        Assert.Contains(outcome.Errors, e => e.Kind == SourceErrorKind.SequenceGap);
        Assert.All(outcome.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }
}
