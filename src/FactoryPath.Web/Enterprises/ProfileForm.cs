using System.Globalization;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Enterprises;

/// <summary>
/// The profile form as typed: numbers arrive as text so a wrong entry gets a clear message instead of a silent zero.
/// Revenue is entered in 万元 (ten thousand yuan), as Chinese owners state it; the region is a prefecture plus an optional county.
/// </summary>
public sealed class ProfileForm
{
    public string? Name { get; set; }
    public string? CreditCode { get; set; }
    public string? IndustryCode { get; set; }
    public string? PrefectureCode { get; set; }
    public string? CountyCode { get; set; }
    public string? Employees { get; set; }
    public string? RevenueTenThousand { get; set; }

    public static ProfileForm From(Enterprise e)
    {
        var isCounty = !e.RegionCode.EndsWith("00", StringComparison.Ordinal);
        return new ProfileForm
        {
            Name = e.Name, CreditCode = e.CreditCode, IndustryCode = e.IndustryCode,
            PrefectureCode = isCounty ? e.RegionCode[..4] + "00" : e.RegionCode,
            CountyCode = isCounty ? e.RegionCode : null,
            Employees = e.Employees.ToString(CultureInfo.InvariantCulture),
            RevenueTenThousand = (e.AnnualRevenueCny / 10_000m).ToString("0.####", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Checks what only the form knows (number formats, county within prefecture) and builds the profile input.</summary>
    public Dictionary<string, string> Check(UiText t, out EnterpriseProfileInput? input)
    {
        var errors = new Dictionary<string, string>();
        int? employees = null;
        decimal? revenue = null;
        if (!string.IsNullOrWhiteSpace(Employees))
        {
            if (int.TryParse(Employees.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) employees = n;
            else errors[EnterpriseProfileFields.Employees] = t["profile.employeesNotNumber"];
        }
        if (!string.IsNullOrWhiteSpace(RevenueTenThousand))
        {
            if (decimal.TryParse(RevenueTenThousand.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var r) && r <= 100_000_000m) revenue = r * 10_000m;
            else errors[EnterpriseProfileFields.AnnualRevenueCny] = t["profile.revenueNotNumber"];
        }
        var region = PrefectureCode?.Trim();
        if (!string.IsNullOrWhiteSpace(CountyCode))
        {
            var county = CountyCode.Trim();
            if (county.Length != 6 || !county.All(char.IsAsciiDigit) || county.EndsWith("00", StringComparison.Ordinal))
                errors["countyCode"] = t["profile.countyInvalid"];
            else if (string.IsNullOrEmpty(region) || !RegionScope.Contains(region, county))
                errors["countyCode"] = t["profile.countyOutside"];
            else region = county;
        }
        input = new EnterpriseProfileInput(Name, CreditCode, IndustryCode, region, employees, revenue);
        if (errors.Count > 0) return errors;
        var check = EnterpriseProfileValidator.Validate(input);
        foreach (var (field, message) in check.Errors) errors.TryAdd(field, UiText.Pick(message.Zh, message.En));
        return errors;
    }
}
