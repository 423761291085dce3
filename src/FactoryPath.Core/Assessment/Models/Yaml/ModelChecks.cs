using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>Checks that need the whole model: references between questions, and what the level rule refers to.</summary>
internal sealed class ModelChecks(YamlReader yaml, AssessmentModel model, YamlNode? levelsNode)
{
    public void Run()
    {
        foreach (var band in model.Nodes.OfType<BandQuestion>())
        {
            CheckReference(band, band.Rate?.Numerator);
            CheckReference(band, band.Rate?.Denominator);
        }

        switch (model.Levels)
        {
            case ThresholdLevelRule rule when levelsNode is not null:
                CheckThresholds(rule);
                break;
            case StagedLevelRule rule when levelsNode is not null:
                CheckStaged(rule);
                break;
        }
    }

    private void CheckReference(BandQuestion band, InputReference? reference)
    {
        if (reference?.QuestionId is not { } other)
        {
            return;
        }

        var target = model.FindQuestion(other) as BandQuestion;
        if (other == band.Id || target is null || target.Inputs.All(i => i.Id != reference.InputId))
        {
            yaml.Error(band.Location, $"question '{band.Id}': rate refers to '{reference}', which is not an input of another band question");
        }
    }

    private void CheckThresholds(ThresholdLevelRule rule)
    {
        var scenes = model.Scenes;
        var constraint = scenes.Count(s => s.Constraint);
        var maxSceneLevel = scenes.Count == 0 ? 0 : scenes.Max(s => s.MaxLevel);
        foreach (var threshold in rule.Thresholds)
        {
            var at = LevelNode(threshold.Level);
            var what = $"level {threshold.Level}";
            if (threshold.MinScore > model.MaxScore)
            {
                yaml.Error(at, $"{what}: minScore {Fmt.Num(threshold.MinScore)} is more than the model's {Fmt.Num(model.MaxScore)} points");
            }

            if (threshold.MinScenes > 0 && threshold.SceneLevel > maxSceneLevel)
            {
                yaml.Error(at, scenes.Count == 0
                    ? $"{what} counts scenes, but the model has no scenes"
                    : $"{what} counts scenes at level {threshold.SceneLevel}, but scenes go up to level {maxSceneLevel} only");
            }

            else if (threshold.MinScenes > scenes.Count)
            {
                yaml.Error(at, $"{what} needs {threshold.MinScenes} scenes, but the model has {scenes.Count}");
            }

            if (threshold.MinConstraintScenes > constraint)
            {
                yaml.Error(at, $"{what} needs {threshold.MinConstraintScenes} constraint scenes, but the model has {constraint}");
            }
        }
    }

    private void CheckStaged(StagedLevelRule rule)
    {
        var requirements = model.Nodes.OfType<RatingQuestion>().ToList();
        foreach (var requirement in requirements.Where(r => rule.Levels.All(l => l.Number != r.Level)))
        {
            yaml.Error(requirement.Location, $"question '{requirement.Id}' belongs to level {requirement.Level}, which the level rule does not define");
        }

        foreach (var level in rule.Levels.Where(l => requirements.All(r => r.Level != l.Number)))
        {
            yaml.Error(LevelNode(level.Number), $"level {level.Number} has no rating question (requirement) in the tree");
        }
    }

    private YamlNode LevelNode(int number)
    {
        var entries = (levelsNode as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("levels"), out var list) == true && list is YamlSequenceNode sequence
            ? sequence.Children
            : [];
        return entries.OfType<YamlMappingNode>()
            .FirstOrDefault(e => e.Children.TryGetValue(new YamlScalarNode("level"), out var n) && (n as YamlScalarNode)?.Value == number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? levelsNode!;
    }
}
