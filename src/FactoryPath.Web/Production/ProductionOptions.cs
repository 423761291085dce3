using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Production;

/// <summary>Production dashboards, bound from "FactoryPath:Production".</summary>
public sealed class ProductionOptions
{
    public const string Section = "FactoryPath:Production";

    /// <summary>
    /// The factories' time zone (IANA or Windows id, e.g. Asia/Shanghai): days and weeks of the dashboards are its days
    /// and weeks. Minutes are summed per UTC hour first, so zones with a half-hour offset put a day's edge to the hour.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The longest range one dashboard query may cover.</summary>
    public int MaxRangeDays { get; set; } = 92;

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public sealed class ProductionOptionsValidator : IValidateOptions<ProductionOptions>
{
    public ValidateOptionsResult Validate(string? name, ProductionOptions options)
    {
        var errors = new List<string>();
        try
        {
            options.Zone();
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            errors.Add($"{ProductionOptions.Section}:TimeZone '{options.TimeZone}' is not a known time zone (use an IANA id such as Asia/Shanghai)");
        }
        if (options.MaxRangeDays is < 1 or > 3660) errors.Add($"{ProductionOptions.Section}:MaxRangeDays must lie between 1 and 3660 (was {options.MaxRangeDays})");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
