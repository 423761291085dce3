namespace FactoryPath.Core.Assessment;

/// <summary>A group of nodes: a dimension, sub-dimension, indicator, domain, or a group of business scenes.</summary>
public sealed class ModelGroup : ModelNode
{
    internal ModelGroup(NodeHeader header, IReadOnlyList<ModelNode> children, bool mayBeNotApplicable)
        : base(header)
    {
        Children = children;
        MayBeNotApplicable = mayBeNotApplicable;
    }

    public IReadOnlyList<ModelNode> Children { get; }

    /// <summary>True when the user may mark the whole group "not applicable" (an answer keyed by the group id).</summary>
    public bool MayBeNotApplicable { get; }
}
