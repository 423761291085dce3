using FactoryPath.Edge.Sparkplug;

namespace FactoryPath.Edge.Tests.Sparkplug;

public sealed class SparkplugTopicTests
{
    [Theory]
    [InlineData("spBv1.0/plant/NBIRTH/gw1", SparkplugMessageType.NBirth, "plant", "gw1", null)]
    [InlineData("spBv1.0/plant/NDATA/gw1", SparkplugMessageType.NData, "plant", "gw1", null)]
    [InlineData("spBv1.0/plant/NDEATH/gw1", SparkplugMessageType.NDeath, "plant", "gw1", null)]
    [InlineData("spBv1.0/plant/DBIRTH/gw1/press", SparkplugMessageType.DBirth, "plant", "gw1", "press")]
    [InlineData("spBv1.0/plant/DDATA/gw1/press", SparkplugMessageType.DData, "plant", "gw1", "press")]
    [InlineData("spBv1.0/plant/DDEATH/gw1/press", SparkplugMessageType.DDeath, "plant", "gw1", "press")]
    [InlineData("spBv1.0/plant/NCMD/gw1", SparkplugMessageType.NCmd, "plant", "gw1", null)]
    [InlineData("spBv1.0/plant/DCMD/gw1/press", SparkplugMessageType.DCmd, "plant", "gw1", "press")]
    public void TryParse_ReadsEveryMessageType(string topic, SparkplugMessageType type, string group, string node, string? device)
    {
        Assert.True(SparkplugTopic.TryParse(topic, out var parsed, out var error), error);
        Assert.Equal(new SparkplugTopic(type, group, node, device), parsed);
    }

    [Fact]
    public void TryParse_ReadsTheHostState()
    {
        Assert.True(SparkplugTopic.TryParse("spBv1.0/STATE/scada-1", out var parsed, out _));
        Assert.Equal(SparkplugMessageType.State, parsed.Type);
        Assert.Equal("scada-1", parsed.HostId);
    }

    [Theory]
    [InlineData("spAv1.0/plant/NDATA/gw1", "not in the spBv1.0 namespace")]
    [InlineData("spBv1.0/plant/NDATA", "is not spBv1.0/group/type/node[/device]")]
    [InlineData("spBv1.0/plant/NDATA/gw1/dev", "has no device id level")]
    [InlineData("spBv1.0/plant/DDATA/gw1", "needs a device id level")]
    [InlineData("spBv1.0/plant/XDATA/gw1", "'XDATA' is not a Sparkplug message type")]
    [InlineData("spBv1.0//NDATA/gw1", "non-empty levels")]
    [InlineData("spBv1.0/STATE/", "needs a host id")]
    public void TryParse_MalformedTopic_SaysWhy(string topic, string reason)
    {
        Assert.False(SparkplugTopic.TryParse(topic, out _, out var error));
        Assert.Contains(reason, error);
    }
}
