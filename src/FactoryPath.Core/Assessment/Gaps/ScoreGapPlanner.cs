namespace FactoryPath.Core.Assessment;

/// <summary>
/// Picks answer upgrades that close a points gap, cheapest first: every one-step move (next option, next band,
/// one more option) before any two-step move, and within the same effort the larger gain first. Stops as soon as
/// the chosen steps cover the gap.
/// </summary>
internal static class ScoreGapPlanner
{
    public static IReadOnlyList<GapStep> Plan(ScoreSheet sheet, decimal missing)
    {
        var steps = new List<GapStep>();
        if (missing <= 0)
        {
            return steps;
        }

        var questions = sheet.Model.Nodes.OfType<Question>().Where(q => sheet.QuestionScores.ContainsKey(q.Id)).ToList();
        var candidates = questions
            .SelectMany((q, order) => q.Upgrades(sheet.AnswerTo(q), sheet.Context).Select(u => (Question: q, Order: order, Upgrade: u)))
            .OrderBy(c => c.Upgrade.Effort)
            .ThenByDescending(c => c.Upgrade.Points)
            .ThenBy(c => c.Order)
            .ToList();

        var room = questions.ToDictionary(q => q.Id, q => q.Points - sheet.QuestionScores[q.Id]);
        var covered = 0m;
        foreach (var (question, _, upgrade) in candidates)
        {
            var gain = Math.Min(upgrade.Points, room[question.Id]);
            if (gain <= 0)
            {
                continue;
            }

            room[question.Id] -= gain;
            covered += gain;
            steps.Add(new GapStep(GapStepKind.Score, question.Id, question.Name, gain, upgrade.Effort, upgrade.Text));
            if (covered >= missing)
            {
                break;
            }
        }

        return steps;
    }
}
