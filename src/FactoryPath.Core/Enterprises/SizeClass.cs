namespace FactoryPath.Core.Enterprises;

/// <summary>Enterprise size classes of 《中小企业划型标准规定》, smallest first.</summary>
public enum SizeClass
{
    Micro,
    Small,
    Medium,
    Large,
}
