namespace FactoryPath.Core.Assessment;

/// <summary>
/// Level L is reached when every applicable domain's requirements at L average at least <see cref="Threshold"/>
/// and every lower level is reached. A domain is a group holding rating questions directly.
/// </summary>
public sealed class StagedLevelRule : LevelRule
{
    public const string KindName = "staged";

    internal StagedLevelRule(LocalizedText notRated, IReadOnlyList<LevelDefinition> levels, decimal threshold)
        : base(notRated, levels)
    {
        Threshold = threshold;
    }

    public override string Kind => KindName;

    /// <summary>Mean rating (0-1) a domain needs at a level, e.g. 0.8.</summary>
    public decimal Threshold { get; }

    internal override LevelOutcome Evaluate(ScoreSheet sheet)
    {
        var stages = Levels.SelectMany(level => Domains(sheet).Select(domain => Stage(sheet, domain, level.Number)).OfType<StageScore>()).ToList();
        var reached = 0;
        foreach (var level in Levels)
        {
            var atLevel = stages.Where(s => s.Level == level.Number).ToList();
            if (atLevel.Count == 0 || atLevel.Any(s => !s.Met))
            {
                break;
            }

            reached = level.Number;
        }

        var next = After(reached);
        var gap = next is null ? null : StagedGapPlanner.Plan(this, next, sheet, stages);
        return new LevelOutcome(Named(reached), gap, stages);
    }

    internal static IEnumerable<ModelGroup> Domains(ScoreSheet sheet) =>
        sheet.Model.Nodes.OfType<ModelGroup>().Where(g => g.Children.OfType<RatingQuestion>().Any() && !sheet.Context.IsNotApplicable(g));

    private StageScore? Stage(ScoreSheet sheet, ModelGroup domain, int level)
    {
        var requirements = domain.Children.OfType<RatingQuestion>().Where(r => r.Level == level).ToList();
        if (requirements.Count == 0)
        {
            return null;
        }

        var mean = requirements.Average(r => sheet.Fraction(r));
        return new StageScore(level, domain.Id, domain.Name, mean, Threshold, mean >= Threshold);
    }
}
