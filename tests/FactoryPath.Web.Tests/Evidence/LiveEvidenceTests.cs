using FactoryPath.Edge.Model;
using FactoryPath.Web.Assessment.Evidence;
using static FactoryPath.Web.Tests.Evidence.Registers;

namespace FactoryPath.Web.Tests.Evidence;

public sealed class LiveEvidenceTests
{
    [Fact]
    public void One_register_gives_its_counts_and_both_rates_measured_when_it_arrived()
    {
        // 4 machines: 3 digital, 2 of them networked → 75 % digital, 50 % networked
        var register = Register("ningbo", ("press-1", true, true), ("press-2", true, true), ("cnc-1", true, false), ("saw", false, false));
        var evidence = LiveEvidence.Compute([Gateway("gw-1", register, Morning)]);

        Assert.Equal(EvidenceStatus.Live, evidence.Status);
        var e = evidence.Equipment!;
        Assert.Equal((4, 3, 2), (e.Total, e.Digital, e.Networked));
        Assert.Equal(75m, e.DigitalRate);
        Assert.Equal(50m, e.NetworkingRate);
        Assert.Equal(Morning, e.MeasuredAt);
    }

    [Fact]
    public void Several_gateways_are_summed_and_the_time_is_the_oldest_register()
    {
        var a = Register("ningbo", ("press-1", true, true), ("press-2", true, false));
        var b = Register("cixi", ("cnc-1", true, true), ("cnc-2", true, true), ("saw", false, false));
        var evidence = LiveEvidence.Compute([Gateway("gw-a", a, Morning.AddMinutes(30)), Gateway("gw-b", b, Morning)]);

        var e = evidence.Equipment!;
        Assert.Equal((5, 4, 3), (e.Total, e.Digital, e.Networked));
        Assert.Equal(60m, e.NetworkingRate);
        Assert.Equal(80m, e.DigitalRate);
        Assert.Equal(Morning, e.MeasuredAt);
        Assert.Equal(["gw-a", "gw-b"], evidence.Gateways.Select(g => g.GatewayId));
        Assert.Equal([2, 3], evidence.Gateways.Select(g => g.Total));
    }

    [Fact]
    public void No_gateway_gives_no_figures_at_all()
    {
        var evidence = LiveEvidence.Compute([]);
        Assert.Equal(EvidenceStatus.NoGateway, evidence.Status);
        Assert.Null(evidence.Equipment);
        Assert.Empty(evidence.Roles);
    }

    [Fact]
    public void Gateways_without_a_register_or_with_an_empty_one_give_no_figures()
    {
        var evidence = LiveEvidence.Compute([Gateway("gw-1", null, null), Gateway("gw-2", Register("ningbo"), Morning)]);
        Assert.Equal(EvidenceStatus.NoRegister, evidence.Status);
        Assert.Null(evidence.Equipment);
        Assert.Equal(2, evidence.Gateways.Count);
    }

    [Fact]
    public void A_gateway_without_a_register_is_left_out_of_the_sum_of_the_others()
    {
        var evidence = LiveEvidence.Compute([Gateway("gw-1", null, null), Gateway("gw-2", Register("ningbo", ("press-1", true, true), ("saw", false, false)), Morning)]);
        Assert.Equal((2, 1, 1), (evidence.Equipment!.Total, evidence.Equipment.Digital, evidence.Equipment.Networked));
    }

    [Fact]
    public void Roles_come_only_from_networked_equipment_with_a_value()
    {
        var register = Register("ningbo", ("press-1", true, true), ("press-2", true, false));
        var health = Health(
            (AssetPathOf("ningbo", "press-1"), TagRole.GoodCount, TagQuality.Good),
            (AssetPathOf("ningbo", "press-1"), TagRole.Alarm, TagQuality.Bad),              // unreachable: says nothing
            (AssetPathOf("ningbo", "press-2"), TagRole.PowerKw, TagQuality.Good),           // not networked per the register
            (AssetPathOf("ningbo", "press-9"), TagRole.Temperature, TagQuality.Uncertain)); // not in the register
        var evidence = LiveEvidence.Compute([Gateway("gw-1", register, Morning, health, Morning.AddMinutes(5))]);

        Assert.Equal([TagRole.GoodCount], evidence.Roles);
        Assert.Equal(Morning.AddMinutes(5), evidence.RolesMeasuredAt);
    }

    [Fact]
    public void Roles_of_several_gateways_are_joined_and_measured_at_the_oldest_health_report()
    {
        var a = Register("ningbo", ("press-1", true, true));
        var b = Register("cixi", ("meter", true, true));
        var evidence = LiveEvidence.Compute([
            Gateway("gw-a", a, Morning, Health((AssetPathOf("ningbo", "press-1"), TagRole.State, TagQuality.Good)), Morning.AddMinutes(9)),
            Gateway("gw-b", b, Morning, Health((AssetPathOf("cixi", "meter"), TagRole.EnergyKwh, TagQuality.Uncertain)), Morning.AddMinutes(7)),
        ]);

        Assert.Equal(new HashSet<TagRole> { TagRole.State, TagRole.EnergyKwh }, evidence.Roles);
        Assert.Equal(Morning.AddMinutes(7), evidence.RolesMeasuredAt);
    }
}
