namespace FactoryPath.Core.Assessment;

/// <summary>A text every user-facing string of the assessment carries in both platform languages.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>Picks the text for a culture name such as "zh-CN", "zh", "en-US"; anything not Chinese gets English.</summary>
    public string For(string? cultureName) =>
        cultureName is not null && cultureName.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;

    /// <summary>Picks the text for the current UI culture.</summary>
    public string ForCurrentCulture() => For(System.Globalization.CultureInfo.CurrentUICulture.Name);

    public override string ToString() => $"{Zh} / {En}";
}
