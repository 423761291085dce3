using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Gateways;

namespace FactoryPath.Web.Tests.Gateways;

public sealed class UplinkReaderTests
{
    private const string Gw = "gw-abc";

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void A_well_formed_rollup_envelope_is_read_with_its_payload()
    {
        var batch = TestGateway.Rollups(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), ("t1", TagRole.GoodCount, 5));
        var read = UplinkReader.TryRead(Gw, UplinkKinds.Rollup, TestGateway.Envelope(Gw, 9, UplinkKinds.Rollup, batch), out var error);
        Assert.Null(error);
        Assert.Equal(9, read!.Envelope.Sequence);
        Assert.Equal(5, Assert.Single(read.Rollups!.Items).Increase);
    }

    [Theory]
    [InlineData("{", "not a JSON uplink envelope")]
    [InlineData("[]", "not a JSON uplink envelope")]
    [InlineData("""{"sequence":1,"kind":"health","createdAt":"2026-11-24T08:00:00Z","payload":{}}""", "gatewayId is missing")]
    [InlineData("""{"gatewayId":"gw-x","sequence":1,"kind":"health","createdAt":"2026-11-24T08:00:00Z","payload":{}}""", "differs from the topic's gateway")]
    [InlineData("""{"gatewayId":"gw-abc","sequence":-1,"kind":"health","createdAt":"2026-11-24T08:00:00Z","payload":{}}""", "sequence must be 0 or more")]
    [InlineData("""{"gatewayId":"gw-abc","sequence":1,"kind":"rollup","createdAt":"2026-11-24T08:00:00Z","payload":{}}""", "differs from the topic's kind")]
    [InlineData("""{"gatewayId":"gw-abc","sequence":1,"kind":"health","payload":{}}""", "createdAt is missing")]
    [InlineData("""{"gatewayId":"gw-abc","sequence":1,"kind":"health","createdAt":"2026-11-24T08:00:00Z","payload":[1]}""", "payload must be a JSON object")]
    [InlineData("""{"gatewayId":"gw-abc","sequence":1,"kind":"health","createdAt":"2026-11-24T08:00:00Z","payload":{"startedAt":"2026-11-24T08:00:00Z","sources":[],"tags":[]}}""", "version is missing")]
    [InlineData("""{"gatewayId":"gw-abc","sequence":1,"kind":"health","createdAt":"2026-11-24T08:00:00Z","payload":{"startedAt":"2026-11-24T08:00:00Z","version":"1","sources":[],"tags":[{"tagId":"t","assetPath":"a/b/c/d/e","role":"nonsense","quality":"good"}]}}""", "health payload unreadable")]
    public void A_malformed_health_envelope_is_refused_with_the_reason(string json, string reason)
    {
        Assert.Null(UplinkReader.TryRead(Gw, UplinkKinds.Health, Body(json), out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("""{"resolution":"5m","items":[]}""", "resolution must be 1m or 1h")]
    [InlineData("""{"resolution":"1m"}""", "rollup items are missing")]
    [InlineData("""{"resolution":"1m","items":[{"tagId":"","assetPath":"a/b/c/d/e","role":"speed","periodStart":"2026-11-24T08:00:00Z","count":1,"badCount":0}]}""", "tagId is missing")]
    [InlineData("""{"resolution":"1m","items":[{"tagId":"t","assetPath":"a/b/c/d/e","role":"speed","count":1,"badCount":0}]}""", "periodStart is missing")]
    [InlineData("""{"resolution":"1m","items":[{"tagId":"t","assetPath":"a/b/c/d/e","role":"speed","periodStart":"2026-11-24T08:00:00Z","count":-1,"badCount":0}]}""", "must be 0 or more")]
    [InlineData("""{"resolution":"1m","items":[{"tagId":"t","assetPath":"a/b/c/d/e","role":"speed","periodStart":"2026-11-24T08:00:00Z","count":1,"badCount":0},{"tagId":"t","assetPath":"a/b/c/d/e","role":"speed","periodStart":"2026-11-24T08:00:00Z","count":1,"badCount":0}]}""", "same tag and period twice")]
    public void A_malformed_rollup_batch_is_refused_with_the_reason(string payload, string reason)
    {
        var json = $$"""{"gatewayId":"gw-abc","sequence":1,"kind":"rollup","createdAt":"2026-11-24T08:00:00Z","payload":{{payload}}}""";
        Assert.Null(UplinkReader.TryRead(Gw, UplinkKinds.Rollup, Body(json), out var error));
        Assert.Contains(reason, error);
    }
}
