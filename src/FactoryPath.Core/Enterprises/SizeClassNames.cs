namespace FactoryPath.Core.Enterprises;

/// <summary>Chinese and English names of <see cref="SizeClass"/> values.</summary>
public static class SizeClassNames
{
    public static string Zh(this SizeClass sizeClass) => sizeClass switch
    {
        SizeClass.Micro => "微型企业",
        SizeClass.Small => "小型企业",
        SizeClass.Medium => "中型企业",
        SizeClass.Large => "大型企业",
        _ => throw new ArgumentOutOfRangeException(nameof(sizeClass), sizeClass, null),
    };

    public static string En(this SizeClass sizeClass) => sizeClass switch
    {
        SizeClass.Micro => "Micro enterprise",
        SizeClass.Small => "Small enterprise",
        SizeClass.Medium => "Medium enterprise",
        SizeClass.Large => "Large enterprise",
        _ => throw new ArgumentOutOfRangeException(nameof(sizeClass), sizeClass, null),
    };
}
