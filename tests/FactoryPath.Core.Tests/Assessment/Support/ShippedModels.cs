using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Tests.Assessment.Support;

/// <summary>The two built-in models, loaded once (models are immutable once loaded).</summary>
internal static class ShippedModels
{
    private static readonly Lazy<AssessmentModel> MiitModel = new(() => Load(TestFiles.MiitModelFile));
    private static readonly Lazy<AssessmentModel> CmmmModel = new(() => Load(TestFiles.CmmmModelFile));

    public static AssessmentModel Miit => MiitModel.Value;

    public static AssessmentModel Cmmm => CmmmModel.Value;

    private static AssessmentModel Load(string file)
    {
        var result = ModelLoader.LoadFile(file);
        return result.Model ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }
}
