using FactoryPath.Edge.Assets;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Tests.Assets;

public sealed class UnifiedNamespaceTests
{
    private static readonly AssetPath Press = AssetPath.TryParse("acme/nb/moulding/line-1/press-1", out _)!;
    private static readonly AssetPath Cnc = AssetPath.TryParse("acme/nb/machining/line-2/cell-a/cnc-1", out _)!;
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LatestValue_PerTag_OrderedByPath_UnreadTagsBad_LateAndUnknownSamplesIgnored()
    {
        var uns = new UnifiedNamespace([new TagInfo("press-1.good", Press, TagRole.GoodCount), new TagInfo("cnc-1.power", Cnc, TagRole.PowerKw, "kW"), new TagInfo("cnc-1.state", Cnc, TagRole.State)]);

        await uns.WriteAsync([TagSample.Good("press-1.good", T0, 10), TagSample.Good("cnc-1.power", T0, 3.5), TagSample.Good("nobody", T0, 1)], default);
        await uns.WriteAsync([TagSample.Good("press-1.good", T0.AddSeconds(1), 11), TagSample.Good("press-1.good", T0.AddSeconds(-5), 9)], default);

        var snapshot = uns.Snapshot();
        Assert.Equal(["cnc-1.power", "cnc-1.state", "press-1.good"], snapshot.Select(t => t.TagId));
        Assert.Equal("acme/nb/machining/line-2/cell-a/cnc-1", snapshot[0].AssetPath);
        Assert.Equal(("kW", 3.5, TagQuality.Good), (snapshot[0].Unit, snapshot[0].Value, snapshot[0].Quality));
        Assert.Equal((null, TagQuality.Bad), (snapshot[1].Value, snapshot[1].Quality));
        Assert.Equal((11.0, T0.AddSeconds(1)), (snapshot[2].Value, snapshot[2].Timestamp));
        Assert.Equal(1, uns.UnknownSamples);

        await uns.WriteAsync([TagSample.Bad("cnc-1.power", T0.AddSeconds(2))], default);
        Assert.Equal((null, TagQuality.Bad), (uns.Get("cnc-1.power")!.Value, uns.Get("cnc-1.power")!.Quality));
    }

    [Fact]
    public async Task Replace_KeepsValuesOfTagsThatStay_AndDropsRemovedTags()
    {
        var uns = new UnifiedNamespace([new TagInfo("a", Press, TagRole.State), new TagInfo("b", Press, TagRole.Alarm)]);
        await uns.WriteAsync([TagSample.Good("a", T0, 1), TagSample.Good("b", T0, 1)], default);

        uns.Replace([new TagInfo("a", Cnc, TagRole.State), new TagInfo("c", Cnc, TagRole.Other)]);

        Assert.Equal(["a", "c"], uns.Snapshot().Select(t => t.TagId).Order());
        Assert.Equal((1.0, Cnc.ToString()), (uns.Get("a")!.Value, uns.Get("a")!.AssetPath));
        Assert.Null(uns.Get("b"));
    }

    [Fact]
    public void EquipmentRegister_CountsNetworkedAndDigitalEquipment()
    {
        var config = GatewayConfigLoader.Parse("""
            gateway: {id: gw}
            equipment:
              - {id: press-1, path: a/s/ar/l/press-1}
              - {id: press-2, path: a/s/ar/l/press-2}
              - {id: saw, path: a/s/ar/l/saw, digital: false}
            devices:
              - {name: plc, protocol: modbus-tcp, host: 10.0.0.1}
            tags:
              - {id: p1, device: plc, equipment: press-1, role: state, table: holding, address: 0}
            """, "edge.yaml", "/tmp");

        var register = EquipmentRegister.From(config);

        Assert.Equal((3, 2, 1), (register.Total, register.Digital, register.Networked));
        Assert.True(register.Items.Single(i => i.Name == "press-1").Networked);
        Assert.False(register.Items.Single(i => i.Name == "saw").Digital);
    }
}
