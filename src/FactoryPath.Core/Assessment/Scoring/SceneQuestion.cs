namespace FactoryPath.Core.Assessment;

/// <summary>A business scene rated at a level 1..<see cref="MaxLevel"/> against its level descriptions, or 0 (not yet).</summary>
public sealed class SceneQuestion : Question
{
    internal SceneQuestion(NodeHeader header, bool constraint, IReadOnlyList<SceneLevelDescription> levels)
        : base(header)
    {
        Constraint = constraint;
        LevelDescriptions = levels;
    }

    public override string Kind => QuestionKinds.Scene;

    /// <summary>True for a constraint scene, which level rules may count separately.</summary>
    public bool Constraint { get; }

    public IReadOnlyList<SceneLevelDescription> LevelDescriptions { get; }

    public int MaxLevel => LevelDescriptions.Count;

    internal override void Check(Answer answer, AnswerContext context, List<FieldError> errors)
    {
        AnswerShape.Allow(this, answer, errors, level: true);
        if (answer.Level is { } level && (level < 0 || level > MaxLevel))
        {
            errors.Add(Error($"等级须在 0 到 {MaxLevel} 之间。", $"The level must be between 0 and {MaxLevel}."));
        }
    }

    internal override bool IsAnswered(Answer answer, AnswerContext context) => answer.Level is not null;

    /// <summary>Scenes normally carry no points; one placed in the scored tree earns its points in proportion to its level.</summary>
    internal override decimal Score(Answer answer, AnswerContext context) => MaxLevel == 0 ? 0 : Points * answer.Level!.Value / MaxLevel;
}
