namespace FactoryPath.Core.Assessment;

/// <summary>A node of a model's tree: a group (dimension, sub-dimension, indicator, ...) or a question.</summary>
public abstract class ModelNode
{
    private protected ModelNode(NodeHeader header)
    {
        Id = header.Id;
        Name = header.Name;
        Help = header.Help;
        Points = header.Points;
        Location = header.Location;
    }

    /// <summary>Unique id within the model (ASCII slug); answers are keyed by it.</summary>
    public string Id { get; }

    public LocalizedText Name { get; }

    /// <summary>Explanation for the user, shown next to the node; null when the model has none.</summary>
    public LocalizedText? Help { get; }

    /// <summary>Points the node is worth; children's points add up to their parent's.</summary>
    public decimal Points { get; }

    /// <summary>The group holding this node; null for the top level.</summary>
    public ModelGroup? Parent { get; internal set; }

    /// <summary>1 for the top level.</summary>
    public int Depth { get; internal set; }

    internal SourceLocation Location { get; }
}

/// <summary>The part every node shares, as read from the model file.</summary>
internal sealed record NodeHeader(string Id, LocalizedText Name, LocalizedText? Help, decimal Points, SourceLocation Location);

/// <summary>Where something was written in a model file (1-based line and column).</summary>
internal readonly record struct SourceLocation(string File, int Line, int Column);
