using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Tests.Assessment.Support;

/// <summary>Builds small model files in YAML for tests of the loader and the engine.</summary>
internal static class ModelText
{
    public const string File = "models/test.yaml";

    /// <summary>Header lines (lines 1-4) of a valid model.</summary>
    public const string Header =
        "id: test-model\n" +
        "version: \"1.0\"\n" +
        "name: {zh: 测试模型, en: Test model}\n" +
        "source: written for tests\n";

    /// <summary>A thresholds rule needing only a score, usable with any tree of 10 points.</summary>
    public const string ScoreOnlyLevels =
        "levels:\n" +
        "  kind: thresholds\n" +
        "  notRated: {zh: 未评级, en: Not rated}\n" +
        "  levels:\n" +
        "    - {level: 1, name: {zh: 一级, en: Level 1}, minScore: 5}\n";

    public static ModelLoadResult Load(string yaml) => ModelLoader.LoadText(yaml, File);

    public static AssessmentModel LoadValid(string yaml)
    {
        var result = Load(yaml);
        return result.Model ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    /// <summary>A model with one 10-point dimension holding the given question YAML (indented as a child).</summary>
    public static string WithQuestion(string questionYaml) =>
        Header +
        "tree:\n" +
        "  - id: dim\n" +
        "    name: {zh: 维度, en: Dimension}\n" +
        "    points: 10\n" +
        "    children:\n" +
        Indent(questionYaml, 6) +
        ScoreOnlyLevels;

    public static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => pad + l + "\n"));
    }
}
