using FactoryPath.Cli;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("factorypath-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ModelsValidate_ShippedModel_ExitsZeroWithASummary()
    {
        var (code, output, error) = await Run("models", "validate", TestFiles.MiitModelFile);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("valid - miit-sme-digital-level 2024.1, 15 scored questions, 16 scenes, 100 points, 4 levels", output);
    }

    [Fact]
    public async Task ModelsValidate_Directory_ChecksEveryFile()
    {
        var (code, output, _) = await Run("models", "validate", TestFiles.ModelsDirectory);

        Assert.Equal(0, code);
        Assert.Contains("cmmm-selfcheck 2020.1", output);
        Assert.Contains("miit-sme-digital-level 2024.1", output);
    }

    [Fact]
    public async Task ModelsValidate_BrokenModel_PrintsFileLineColumnAndExitsOne()
    {
        var file = Path.Combine(_directory, "broken.yaml");
        await File.WriteAllTextAsync(file, File.ReadAllText(TestFiles.MiitModelFile).Replace("kind: band", "kind: slider"));

        var (code, _, error) = await Run("models", "validate", file);

        Assert.Equal(1, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // the three band questions (two equipment rates, funding), then the count
        Assert.Matches(@"^.*broken\.yaml:\d+:\d+: question 'equipment-digitization' has unknown kind 'slider'", lines[0]);
        Assert.Contains("3 error(s).", lines[^1]);
    }

    [Fact]
    public async Task Assess_WorkedExample_PrintsScoresLevelAndGap()
    {
        var (code, output, _) = await Run("assess", "--model", "miit-sme-digital-level", "--answers", TestFiles.WorkedExample("miit-04-level-three.json"), "--models-dir", TestFiles.ModelsDirectory, "--lang", "en");

        Assert.Equal(0, code);
        Assert.Contains("SME digital level evaluation (2024 edition) (miit-sme-digital-level 2024.1)", output);
        Assert.Matches(@"Total\s+│\s+78\.1\s+│\s+100", output);
        Assert.Contains("Level: Level 3", output);
        Assert.Contains("To reach Level 4: 1.9 more points", output);
        Assert.Contains("  1. ", output);
    }

    [Fact]
    public async Task Assess_InChinese_UsesChineseTexts()
    {
        var (code, output, _) = await Run("assess", "--model", "cmmm-selfcheck", "--version", "2020.1", "--answers", TestFiles.WorkedExample("cmmm-01-contract-maker-level-two.json"), "--models-dir", TestFiles.ModelsDirectory);

        Assert.Equal(0, code);
        Assert.Contains("评定等级: 二级（规范级）", output);
        Assert.Contains("产品服务", output);
    }

    [Fact]
    public async Task Assess_InvalidAnswers_PrintsFieldErrorsAndExitsOne()
    {
        var sheet = Sheet.MiitNothing().Values("equipment-digitization", ("total", 0), ("digital", 0)).Options("network", "A", "B");
        var file = Path.Combine(_directory, "answers.json");
        await File.WriteAllTextAsync(file, AssessmentJson.Serialize(sheet));

        var (code, output, error) = await Run("assess", "--model", "miit-sme-digital-level", "--answers", file, "--models-dir", TestFiles.ModelsDirectory, "--lang", "en");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("network: \"None\" cannot be combined with other options.", error);
        Assert.Contains("equipment-digitization.total: Total production equipment must be greater than 0.", error);
    }

    [Fact]
    public async Task Assess_UnknownModel_ExitsTwo()
    {
        var (code, _, error) = await Run("assess", "--model", "nope", "--answers", TestFiles.WorkedExample("miit-01-workshop-starting-out.json"), "--models-dir", TestFiles.ModelsDirectory);

        Assert.Equal(2, code);
        Assert.Contains("Model 'nope' not found", error);
    }

    [Fact]
    public async Task Assess_MissingRequiredOption_FailsToParse()
    {
        var (code, _, _) = await Run("assess", "--model", "miit-sme-digital-level");

        Assert.NotEqual(0, code);
    }

    [Fact]
    public async Task Gen_WritesPlainProgressAndRates_RefusesASecondRun_AndForceReplaces()
    {
        string[] args = ["gen", "--enterprises", "50", "--providers", "5", "--solutions", "20", "--cases", "5", "--results", "120", "--demands", "10", "--gateways", "2",
            "--machines-per-gateway", "1", "--production-days", "1", "--production-until", "2026-11-20", "--seed", "9", "--data-dir", _directory];

        var (code, output, error) = await Run(args);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Enterprises: 50/50", output);
        Assert.Contains("Results: 120/120", output);
        Assert.Contains("Demands: 10/10", output);
        Assert.Contains("Gateways: 2/2", output);
        Assert.Contains("ProductionHours: 48/48", output); // 2026-11-19 is a Thursday: both machines work all 24 hours
        Assert.Matches(@"AspNetUsers: \d+/\d+", output);
        Assert.Contains("Regional statistics rebuilt", output);
        Assert.Matches(@"AspNetUsers\s+[\d,]+ rows .* rows/s", output);
        Assert.Matches(@"ProductionHours\s+48 rows .* rows/s", output);
        Assert.Matches(@"Total\s+[\d,]+ rows .* rows/s", output);
        Assert.True(File.Exists(Path.Combine(_directory, "factorypath.db")));

        var (again, _, refusal) = await Run(args);
        Assert.Equal(1, again);
        Assert.Contains("already holds generated data", refusal);
        Assert.Contains("--force", refusal);

        var (forced, forcedOutput, _) = await Run([.. args, "--force"]);
        Assert.Equal(0, forced);
        Assert.Contains("Deleting the data generated earlier", forcedOutput);
    }

    [Fact]
    public async Task Gen_WritesFiveResultsPerEnterpriseByDefault()
    {
        var (code, output, error) = await Run("gen", "--enterprises", "20", "--providers", "0", "--solutions", "0", "--cases", "0", "--data-dir", _directory);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Results: 100/100", output);
    }

    [Theory]
    [InlineData("--production-until", "20.11.2026", "write a date as yyyy-MM-dd")]
    [InlineData("--password", "short1", "--password needs at least 10 characters")]
    [InlineData("--machines-per-gateway", "0", "machines per gateway must lie between 1 and 50")]
    public async Task Gen_BadOptions_ExitTwoWithTheReason(string option, string value, string message)
    {
        var (code, _, error) = await Run("gen", "--enterprises", "10", "--results", "0", option, value, "--data-dir", _directory);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Gen_ImpossibleCounts_ExitTwoWithTheReason()
    {
        var (code, _, error) = await Run("gen", "--enterprises", "0", "--providers", "0", "--solutions", "3", "--cases", "0", "--data-dir", _directory);

        Assert.Equal(2, code);
        Assert.Contains("solutions need at least one provider", error);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
