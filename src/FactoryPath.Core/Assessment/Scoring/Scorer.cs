namespace FactoryPath.Core.Assessment;

/// <summary>Scores a complete answer sheet against a model version.</summary>
public static class Scorer
{
    /// <exception cref="InvalidAnswersException">The answers hold invalid values or are incomplete.</exception>
    public static AssessmentResult Score(AssessmentModel model, AnswerSheetData answers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = AnswerValidator.Validate(model, answers, requireComplete: true);
        if (errors.Count > 0)
        {
            throw new InvalidAnswersException(errors);
        }

        var context = new AnswerContext(model, answers);
        var questionScores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var nodes = new List<NodeScore>();
        var total = 0m;
        var max = 0m;
        foreach (var dimension in model.Dimensions)
        {
            var (score, points) = ScoreNode(dimension, context, questionScores, nodes);
            total += score;
            max += points;
        }

        var sheet = new ScoreSheet(context, questionScores, total);
        var scenes = model.Scenes
            .Select(s => new SceneResult(s.Id, s.Parent!.Id, s.Name, s.Constraint, sheet.SceneLevel(s), s.MaxLevel))
            .ToList();
        var outcome = model.Levels.Evaluate(sheet);
        return new AssessmentResult(model.Id, model.Version, model.Name, total, max, nodes, scenes, outcome.Stages, outcome.Level, outcome.Gap);
    }

    private static (decimal Score, decimal Max) ScoreNode(ModelNode node, AnswerContext context, Dictionary<string, decimal> questionScores, List<NodeScore> nodes)
    {
        var notApplicable = context.IsNotApplicable(node);
        var index = nodes.Count;
        nodes.Add(null!);
        decimal score = 0, max = 0;
        if (node is ModelGroup group)
        {
            foreach (var child in group.Children)
            {
                var (s, m) = ScoreNode(child, context, questionScores, nodes);
                score += s;
                max += m;
            }
        }
        else if (node is Question question && !notApplicable)
        {
            score = question.Score(context.Sheet.Get(question.Id)!, context);
            max = question.Points;
            questionScores[question.Id] = score;
        }

        var kind = node is Question q ? q.Kind : "group";
        nodes[index] = new NodeScore(node.Id, node.Parent?.Id, node.Depth, kind, node.Name, score, max, notApplicable);
        return (score, max);
    }
}
