namespace FactoryPath.Core.Tests.Assessment.Support;

/// <summary>Where the shipped models and the worked examples are in the test output.</summary>
internal static class TestFiles
{
    /// <summary>The shipped models, copied next to the CLI and so into the test output.</summary>
    public static string ModelsDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    public static string MiitModelFile => Path.Combine(ModelsDirectory, "miit-sme-digital-level-2024.yaml");

    public static string CmmmModelFile => Path.Combine(ModelsDirectory, "gbt39116-cmmm-selfcheck.yaml");

    public static string WorkedExample(string name) => Path.Combine(AppContext.BaseDirectory, "Assessment", "WorkedExamples", name);
}
