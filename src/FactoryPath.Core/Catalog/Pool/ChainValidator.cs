using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Pool;

/// <summary>
/// Checks a <see cref="ChainInput"/>: names, industries, region and members — exactly one leader at tier 0, members at
/// tier 1 or more, no enterprise twice. Whether the enterprises exist is checked against the database, not here.
/// </summary>
public static class ChainValidator
{
    public static PoolValidation<ChainValues> Validate(ChainInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var checks = new PoolChecks();

        var nameZh = checks.Text(PoolFields.NameZh, input.NameZh, PoolFields.NameMaxLength, required: true);
        var nameEn = checks.Text(PoolFields.NameEn, input.NameEn, PoolFields.NameMaxLength, required: true);
        var descriptionZh = checks.Text(PoolFields.DescriptionZh, input.DescriptionZh, PoolFields.DescriptionMaxLength, required: false);
        var descriptionEn = checks.Text(PoolFields.DescriptionEn, input.DescriptionEn, PoolFields.DescriptionMaxLength, required: false);
        var industries = checks.Industries(PoolFields.Industries, input.Industries);
        var region = checks.Region(PoolFields.RegionCode, input.RegionCode);
        var members = Members(checks, input.Members ?? []);

        var value = checks.HasErrors
            ? null
            : new ChainValues(nameZh, nameEn, descriptionZh, descriptionEn, industries, region, members);
        return new PoolValidation<ChainValues>(checks.Errors, value);
    }

    private static List<ChainMemberValues> Members(PoolChecks checks, IReadOnlyList<ChainMemberInput> members)
    {
        var result = new List<ChainMemberValues>();
        var ids = new HashSet<Guid>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var leaders = 0;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var enterpriseKey = PoolFields.Item(PoolFields.Members, i, PoolFields.EnterpriseId);
            string? code = null;
            if (member.EnterpriseId is null && string.IsNullOrWhiteSpace(member.CreditCode))
            {
                checks.Add(enterpriseKey, PoolErrors.MemberEnterpriseRequired());
            }
            else if (member.EnterpriseId is null)
            {
                var checkedCode = CreditCode.Validate(member.CreditCode);
                if (checkedCode.Error is { } error)
                {
                    checks.Add(PoolFields.Item(PoolFields.Members, i, PoolFields.CreditCode), error);
                }
                else if (!codes.Add(checkedCode.NormalizedCode))
                {
                    checks.Add(enterpriseKey, PoolErrors.DuplicateError(PoolFields.EnterpriseId, checkedCode.NormalizedCode));
                }

                code = checkedCode.NormalizedCode;
            }
            else if (!ids.Add(member.EnterpriseId.Value))
            {
                checks.Add(enterpriseKey, PoolErrors.DuplicateError(PoolFields.EnterpriseId, member.EnterpriseId.Value.ToString()));
            }

            var roleKey = PoolFields.Item(PoolFields.Members, i, PoolFields.Role);
            ChainRole? role = null;
            if (string.IsNullOrWhiteSpace(member.Role))
            {
                checks.Add(roleKey, PoolErrors.RequiredError(PoolFields.Role));
            }
            else if (PoolNames.TryParse(member.Role, out ChainRole parsed))
            {
                role = parsed;
                leaders += parsed == ChainRole.Leader ? 1 : 0;
            }
            else
            {
                checks.Add(roleKey, PoolErrors.NameUnknown(PoolFields.Role, member.Role.Trim(), Enum.GetNames<ChainRole>()));
            }

            var tierKey = PoolFields.Item(PoolFields.Members, i, PoolFields.Tier);
            if (member.Tier is null)
            {
                checks.Add(tierKey, PoolErrors.RequiredError(PoolFields.Tier));
            }
            else if (role == ChainRole.Leader && member.Tier != 0)
            {
                checks.Add(tierKey, PoolErrors.LeaderTierError());
            }
            else if (role == ChainRole.Member && member.Tier is < 1 or > PoolFields.MaxChainTier)
            {
                checks.Add(tierKey, PoolErrors.OutOfRangeError(PoolFields.Tier, "1", PoolChecks.Show(PoolFields.MaxChainTier), PoolChecks.Show(member.Tier.Value)));
            }

            if (role is { } r && member.Tier is { } tier)
            {
                result.Add(new ChainMemberValues(member.EnterpriseId, member.EnterpriseId is null ? code : null, r, tier));
            }
        }

        if (leaders != 1)
        {
            checks.Add(PoolFields.Members, PoolErrors.LeaderCountError(leaders));
        }

        return result;
    }
}
