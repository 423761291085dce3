namespace FactoryPath.Core.Assessment;

/// <summary>The scored answers of one sheet, shared by the level rules and gap planners.</summary>
internal sealed class ScoreSheet
{
    public ScoreSheet(AnswerContext context, IReadOnlyDictionary<string, decimal> questionScores, decimal totalScore)
    {
        Context = context;
        QuestionScores = questionScores;
        TotalScore = totalScore;
    }

    public AnswerContext Context { get; }

    public AssessmentModel Model => Context.Model;

    /// <summary>Points per applicable question of the scored tree.</summary>
    public IReadOnlyDictionary<string, decimal> QuestionScores { get; }

    public decimal TotalScore { get; }

    public Answer AnswerTo(Question question) => Context.Sheet.Get(question.Id)!;

    public int SceneLevel(SceneQuestion scene) => Context.Sheet.Get(scene.Id)?.Level ?? 0;

    public int ScenesAtOrAbove(int level, bool constraintOnly) =>
        Model.Scenes.Count(s => (!constraintOnly || s.Constraint) && SceneLevel(s) >= level);

    /// <summary>The rating of a requirement as a fraction (0-1).</summary>
    public decimal Fraction(RatingQuestion requirement) => requirement.Grade(AnswerTo(requirement))!.Fraction;
}
