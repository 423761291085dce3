namespace FactoryPath.Core.Catalog;

/// <summary>A question or business scene of an assessment model that a scenario improves.</summary>
public sealed record AssessmentTarget(string ModelId, string NodeId)
{
    public override string ToString() => $"{ModelId}/{NodeId}";
}
