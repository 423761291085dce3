using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;

namespace FactoryPath.Core.Roadmap;

/// <summary>
/// Turns an assessment result into an ordered list of guide scenarios (智能制造典型场景参考指引) towards the next level.
/// Thresholds-rule models (score, scene and constraint-scene minimums) are planned here: their gap is closed by raising
/// question scores and scene levels, which is what the library's "improves" links describe. Staged models (GB/T 39116
/// structure) are planned by <see cref="StagedRoadmapPlanner"/> from the sub-domains below the next level.
/// The order is shaped by the enterprise's size class and industry (<see cref="RoadmapOptions"/>); each step carries
/// why it is where it is and, with a cost lookup, its typical cost and time.
/// </summary>
public static class RoadmapPlanner
{
    /// <summary>Ranking weight of a constraint scene while the target level still lacks constraint scenes.</summary>
    public const decimal ConstraintSceneWeight = 2m;

    /// <summary>Scene value used when the target level asks for no scenes (so score per scene cannot be derived).</summary>
    public const decimal DefaultSceneValue = 5m;

    public static Roadmap Plan(AssessmentModel model, AssessmentResult result, ScenarioLibrary library, RoadmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(library);
        options ??= RoadmapOptions.None;

        if (model.Levels is StagedLevelRule staged)
        {
            return StagedRoadmapPlanner.Plan(model, staged, result, library, options);
        }

        if (model.Levels is not ThresholdLevelRule rule)
        {
            return new Roadmap(result.Level, null, [], new LocalizedText(
                $"“{model.Name.Zh}”的定级规则暂不支持生成场景路线图。",
                $"Roadmaps are not supported for {model.Name.En}: its level rule is neither score and scene thresholds nor staged."));
        }

        var target = rule.Thresholds.FirstOrDefault(t => t.Level > result.Level.Number);
        if (target is null)
        {
            return new Roadmap(result.Level, null, [], new LocalizedText(
                $"已达到最高等级（{result.Level.Name.Zh}），无需路线图。",
                $"Already at the top level ({result.Level.Name.En}); no roadmap is needed."));
        }

        var targetName = rule.Named(target.Level);
        var weighting = new Weighting(options);
        var state = new PlanState(model, result, target);
        var candidates = Candidates(model.Id, library, state, weighting);
        var ordered = RoadmapOrdering.Order(candidates, library);
        var steps = Simulate(ordered, state, target, targetName, weighting, options.Costs);
        return new Roadmap(result.Level, targetName, steps, Summary(steps, state, target, targetName), weighting.ShapedBy, RoadmapOrdering.Total(steps, options.Costs));
    }

    /// <summary>
    /// Guide scenarios improving at least one question below its maximum or scene below the target scene level,
    /// with their ranking gain: (missing points of their questions + a value per scene they would raise) × shaping weight.
    /// </summary>
    private static List<Candidate> Candidates(string modelId, ScenarioLibrary library, PlanState state, Weighting weighting)
    {
        var candidates = new List<Candidate>();
        for (var index = 0; index < library.Scenarios.Count; index++)
        {
            var scenario = library.Scenarios[index];
            if (scenario.Source != ScenarioSources.Guide2025)
            {
                continue;
            }

            var nodes = scenario.Improves.Where(t => t.ModelId == modelId).Select(t => t.NodeId).ToList();
            // Simple on purpose: a missing point of a question that several scenarios improve counts in full for each
            // of them; the simulation below counts it only once.
            var points = nodes.Sum(state.MissingPoints);
            var scenes = nodes.Where(state.IsSceneBelowTarget).ToList();
            if (points <= 0 && scenes.Count == 0)
            {
                continue;
            }

            var sceneValue = scenes.Sum(id => state.IsConstraint(id) && state.ConstraintScenesMissing > 0
                ? state.SceneValue * ConstraintSceneWeight
                : state.SceneValue);
            var basis = new LocalizedText(
                $"缺失分 {Fmt.Points(points)} + 场景价值 {Fmt.Points(sceneValue)}",
                $"missing points {Fmt.Points(points)} + scene value {Fmt.Points(sceneValue)}");
            candidates.Add(new Candidate(scenario, index, nodes, points, points + sceneValue, weighting.Of(scenario.Id), basis));
        }

        return candidates;
    }

    /// <summary>
    /// Applies the steps in order: each raises its scenes to the target scene level and fills its questions to their
    /// maximum (a question already filled by an earlier step adds nothing again, so the total never exceeds the maximum).
    /// </summary>
    private static List<RoadmapStep> Simulate(List<Placed> ordered, PlanState state, LevelThreshold target, LevelReached targetName, Weighting weighting, IScenarioCosts? costs)
    {
        var steps = new List<RoadmapStep>();
        var reached = false;
        foreach (var placed in ordered)
        {
            var candidate = placed.Candidate;
            var added = state.FillQuestions(candidate.Nodes);
            var raised = state.RaiseScenes(candidate.Nodes);
            var reachesNow = !reached && state.Meets(target);
            reached |= reachesNow;
            var order = steps.Count + 1;
            var effect = reachesNow
                ? RoadmapOrdering.ReachesText(order, targetName)
                : new LocalizedText(
                    $"+{Fmt.Points(added)} 分；提升 {raised.Count} 个场景",
                    $"+{Fmt.Points(added)} points; raises {raised.Count} scene{(raised.Count == 1 ? string.Empty : "s")}");
            steps.Add(new RoadmapStep(
                order, candidate.Scenario.Id, candidate.Scenario.Name, Normalize(candidate.Points), raised, placed.IsPrerequisite, reachesNow, effect,
                Normalize(Math.Round(candidate.Gain, 4)), RoadmapOrdering.Why(placed, weighting), costs?.Find(candidate.Scenario.Id), []));
        }

        return steps;
    }

    private static LocalizedText Summary(List<RoadmapStep> steps, PlanState state, LevelThreshold target, LevelReached targetName)
    {
        if (steps.Count == 0)
        {
            return new LocalizedText(
                $"场景库中没有能改进尚缺项的场景，暂无法规划到{targetName.Name.Zh}的路线。",
                $"No scenario in the library improves what is still missing, so no roadmap to {targetName.Name.En} can be planned.");
        }

        var reaching = steps.FirstOrDefault(s => s.ReachesTarget);
        if (reaching is not null)
        {
            return new LocalizedText(
                $"共 {steps.Count} 个场景；按顺序完成前 {reaching.Order} 步即可达到{targetName.Name.Zh}。",
                $"{steps.Count} scenario(s); the first {reaching.Order} step(s) in order reach {targetName.Name.En}.");
        }

        var score = Math.Max(0, target.MinScore - state.Score);
        var scenes = Math.Max(0, target.MinScenes - state.ScenesAtTarget(constraintOnly: false));
        var constraint = Math.Max(0, target.MinConstraintScenes - state.ScenesAtTarget(constraintOnly: true));
        return new LocalizedText(
            $"共 {steps.Count} 个场景，全部完成后仍未达到{targetName.Name.Zh}（还差 {Fmt.Points(score)} 分、{scenes} 个场景、{constraint} 个约束性场景），需场景库以外的改进。",
            $"{steps.Count} scenario(s); even all of them do not reach {targetName.Name.En} (still {Fmt.Points(score)} points, {scenes} scene(s), {constraint} constraint scene(s) short), so improvements outside the library are needed.");
    }

    /// <summary>Drops trailing zeros a sum of scores may carry (9.750 -> 9.75), so stored roadmaps read cleanly.</summary>
    internal static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>The score and scene levels as the steps are applied, starting from the result.</summary>
    private sealed class PlanState
    {
        private readonly Dictionary<string, decimal> _missing = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SceneResult> _scenes;
        private readonly Dictionary<string, int> _levels;
        private readonly int _sceneLevel;

        public PlanState(AssessmentModel model, AssessmentResult result, LevelThreshold target)
        {
            _sceneLevel = target.SceneLevel;
            _scenes = result.Scenes.ToDictionary(s => s.Id, StringComparer.Ordinal);
            _levels = result.Scenes.ToDictionary(s => s.Id, s => s.Level, StringComparer.Ordinal);
            foreach (var node in result.Nodes)
            {
                if (!_scenes.ContainsKey(node.Id) && model.FindQuestion(node.Id) is not null && !node.NotApplicable && node.Score < node.MaxScore)
                {
                    _missing[node.Id] = node.MaxScore - node.Score;
                }
            }

            Score = result.TotalScore;
            MaxScore = result.MaxScore;
            ConstraintScenesMissing = Math.Max(0, target.MinConstraintScenes - ScenesAtTarget(constraintOnly: true));
            // Derived scene value: the points the level asks for per scene it asks for (e.g. level 2: 40 / 6 = 6.67).
            SceneValue = target.MinScenes > 0 ? target.MinScore / target.MinScenes : DefaultSceneValue;
        }

        public decimal Score { get; private set; }

        public decimal MaxScore { get; }

        public int ConstraintScenesMissing { get; }

        public decimal SceneValue { get; }

        public decimal MissingPoints(string nodeId) => _missing.GetValueOrDefault(nodeId);

        public bool IsSceneBelowTarget(string nodeId) => _levels.TryGetValue(nodeId, out var level) && level < _sceneLevel;

        public bool IsConstraint(string nodeId) => _scenes.TryGetValue(nodeId, out var scene) && scene.Constraint;

        public int ScenesAtTarget(bool constraintOnly) =>
            _levels.Count(l => l.Value >= _sceneLevel && (!constraintOnly || _scenes[l.Key].Constraint));

        public decimal FillQuestions(IEnumerable<string> nodeIds)
        {
            var added = 0m;
            foreach (var id in nodeIds)
            {
                if (_missing.Remove(id, out var points))
                {
                    added += points;
                }
            }

            added = Math.Min(added, MaxScore - Score);
            Score += added;
            return added;
        }

        public List<string> RaiseScenes(IEnumerable<string> nodeIds)
        {
            var raised = nodeIds.Where(IsSceneBelowTarget).Distinct(StringComparer.Ordinal).ToList();
            foreach (var id in raised)
            {
                _levels[id] = Math.Min(_sceneLevel, _scenes[id].MaxLevel);
            }

            return raised;
        }

        public bool Meets(LevelThreshold target) =>
            Score >= target.MinScore &&
            ScenesAtTarget(constraintOnly: false) >= target.MinScenes &&
            ScenesAtTarget(constraintOnly: true) >= target.MinConstraintScenes;
    }
}
