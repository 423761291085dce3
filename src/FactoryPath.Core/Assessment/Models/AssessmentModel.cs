namespace FactoryPath.Core.Assessment;

/// <summary>One version of an assessment model, loaded from its YAML file and checked.</summary>
public sealed class AssessmentModel
{
    private readonly Dictionary<string, ModelNode> _nodes;

    internal AssessmentModel(ModelHeader header, IReadOnlyList<ModelGroup> dimensions, IReadOnlyList<ModelGroup> sceneGroups,
        IReadOnlyList<RatingGrade> ratingScale, LevelRule levels)
    {
        Id = header.Id;
        Version = header.Version;
        Name = header.Name;
        Description = header.Description;
        Source = header.Source;
        FilePath = header.FilePath;
        Dimensions = dimensions;
        SceneGroups = sceneGroups;
        RatingScale = ratingScale;
        Levels = levels;
        Nodes = Walk(dimensions).ToList();
        Scenes = Walk(sceneGroups).OfType<SceneQuestion>().ToList();
        Questions = Nodes.OfType<Question>().Concat(Scenes).ToList();
        MaxScore = dimensions.Sum(d => d.Points);
        _nodes = new Dictionary<string, ModelNode>(StringComparer.Ordinal);
        foreach (var node in Nodes.Concat(Walk(sceneGroups)))
        {
            _nodes.TryAdd(node.Id, node);
        }
    }

    public string Id { get; }

    public string Version { get; }

    public LocalizedText Name { get; }

    public LocalizedText? Description { get; }

    /// <summary>Where the model's facts come from (citation text).</summary>
    public string Source { get; }

    /// <summary>The file the model was loaded from.</summary>
    public string FilePath { get; }

    /// <summary>Top-level groups of the scored tree.</summary>
    public IReadOnlyList<ModelGroup> Dimensions { get; }

    /// <summary>Groups of business scenes (unscored; rated by level). Empty when the model has none.</summary>
    public IReadOnlyList<ModelGroup> SceneGroups { get; }

    /// <summary>Grades for <c>rating</c> questions; empty when the model has none.</summary>
    public IReadOnlyList<RatingGrade> RatingScale { get; }

    public LevelRule Levels { get; }

    /// <summary>Every node of the scored tree, depth first, parents before children.</summary>
    public IReadOnlyList<ModelNode> Nodes { get; }

    /// <summary>Every scene question, in order.</summary>
    public IReadOnlyList<SceneQuestion> Scenes { get; }

    /// <summary>Every question in questionnaire order: the scored tree first, then the scenes.</summary>
    public IReadOnlyList<Question> Questions { get; }

    public decimal MaxScore { get; }

    /// <summary>Finds a group or question (scored tree or scenes) by id.</summary>
    public ModelNode? FindNode(string id) => _nodes.GetValueOrDefault(id);

    public Question? FindQuestion(string id) => FindNode(id) as Question;

    public override string ToString() => $"{Id} {Version}";

    private static IEnumerable<ModelNode> Walk(IEnumerable<ModelNode> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            if (node is ModelGroup group)
            {
                foreach (var child in Walk(group.Children))
                {
                    yield return child;
                }
            }
        }
    }
}

/// <summary>The model file's header fields.</summary>
internal sealed record ModelHeader(string Id, string Version, LocalizedText Name, LocalizedText? Description, string Source, string FilePath);
