using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;

namespace FactoryPath.Core.Tests.Catalog.Pool;

public class ChainValidatorTests
{
    private static readonly Guid Leader = Guid.NewGuid();
    private static readonly Guid Supplier = Guid.NewGuid();

    private static readonly ChainInput Valid = new(
        NameZh: "福州新能源汽车产业链",
        NameEn: "Fuzhou new-energy vehicle chain",
        DescriptionZh: null,
        DescriptionEn: null,
        Industries: ["36", "38"],
        RegionCode: "350100",
        Members:
        [
            new ChainMemberInput(Leader, null, "Leader", 0),
            new ChainMemberInput(Supplier, null, "member", 1),
            new ChainMemberInput(null, "91350100m000100y43", "配套企业", 2),
        ]);

    [Fact]
    public void Validate_ValidChain_KeepsMembersInOrder()
    {
        var result = ChainValidator.Validate(Valid);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Values));
        Assert.Equal([ChainRole.Leader, ChainRole.Member, ChainRole.Member], result.Value!.Members.Select(m => m.Role));
        Assert.Equal("91350100M000100Y43", result.Value.Members[2].CreditCode);
    }

    [Fact]
    public void Validate_NoLeader_IsAnErrorOnMembers()
    {
        var result = ChainValidator.Validate(Valid with { Members = Valid.Members!.Skip(1).ToList() });

        Assert.Equal("members.leaderCount", Assert.Single(result.Errors).Value.Code);
    }

    [Fact]
    public void Validate_TwoLeaders_IsAnErrorOnMembers()
    {
        var members = Valid.Members!.Append(new ChainMemberInput(Guid.NewGuid(), null, "Leader", 0)).ToList();

        Assert.Equal("members.leaderCount", Assert.Single(ChainValidator.Validate(Valid with { Members = members }).Errors).Value.Code);
    }

    [Fact]
    public void Validate_LeaderWithATier_IsRejected()
    {
        var members = new[] { new ChainMemberInput(Leader, null, "Leader", 1) };

        var error = Assert.Single(ChainValidator.Validate(Valid with { Members = members }).Errors);

        Assert.Equal(("members[0].tier", "tier.leaderTier"), (error.Key, error.Value.Code));
    }

    [Fact]
    public void Validate_MemberAtTierZero_IsOutOfRange()
    {
        var members = new[] { new ChainMemberInput(Leader, null, "Leader", 0), new ChainMemberInput(Supplier, null, "Member", 0) };

        var error = Assert.Single(ChainValidator.Validate(Valid with { Members = members }).Errors);

        Assert.Equal(("members[1].tier", "tier.outOfRange"), (error.Key, error.Value.Code));
    }

    [Fact]
    public void Validate_SameEnterpriseTwice_IsADuplicate()
    {
        var members = new[] { new ChainMemberInput(Leader, null, "Leader", 0), new ChainMemberInput(Leader, null, "Member", 1) };

        var error = Assert.Single(ChainValidator.Validate(Valid with { Members = members }).Errors);

        Assert.Equal(("members[1].enterpriseId", "enterpriseId.duplicate"), (error.Key, error.Value.Code));
    }

    [Fact]
    public void Validate_MemberWithoutEnterprise_OrWithABadCreditCode_IsNamed()
    {
        var members = new[]
        {
            new ChainMemberInput(Leader, null, "Leader", 0),
            new ChainMemberInput(null, null, "Member", 1),
            new ChainMemberInput(null, "91350100M000100Y44", "Member", 1),
        };

        var result = ChainValidator.Validate(Valid with { Members = members });

        Assert.Equal("enterpriseId.required", result.Errors["members[1].enterpriseId"].Code);
        Assert.Equal("creditCode.checkCharacter", result.Errors["members[2].creditCode"].Code);
    }

    [Fact]
    public void Validate_MissingNamesAndRegion_AreRequired()
    {
        var result = ChainValidator.Validate(Valid with { NameZh = "", NameEn = null, RegionCode = "" });

        Assert.Equal(["nameEn", "nameZh", "regionCode"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
