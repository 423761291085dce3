namespace FactoryPath.Core.Catalog;

/// <summary>The catalogs the shipped scenarios come from (the <c>source</c> of a group in the data file).</summary>
public static class ScenarioSources
{
    /// <summary>智能制造典型场景参考指引（2025年版）: 8 links, 40 scenarios.</summary>
    public const string Guide2025 = "miit-guide-2025";

    /// <summary>The 16 business scenes of 中小企业数字化水平评测指标（2024年版）.</summary>
    public const string Sme2024 = "sme-2024";
}
