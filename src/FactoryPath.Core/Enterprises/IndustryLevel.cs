namespace FactoryPath.Core.Enterprises;

/// <summary>Levels of GB/T 4754-2017 shipped with the platform: 门类 (section, a letter) and 大类 (division, two digits).</summary>
public enum IndustryLevel
{
    Section,
    Division,
}
