using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Roadmap;

/// <summary>
/// The enterprise a roadmap is for and what shapes it: its size class and GB/T 4754 division move scenarios by
/// <see cref="Shaping"/>; <see cref="Costs"/> (already restricted to solutions fitting the enterprise) prices each step.
/// </summary>
public sealed record RoadmapOptions(
    SizeClass? SizeClass = null,
    string? IndustryCode = null,
    RoadmapShaping? Shaping = null,
    IScenarioCosts? Costs = null)
{
    public static RoadmapOptions None { get; } = new();
}
