using FactoryPath.Core.Assessment;
using FactoryPath.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Api;

public sealed class ModelRevisionTests
{
    [Fact]
    public async Task A_revised_model_leaves_pinned_drafts_and_stored_results_as_they_were()
    {
        var root = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        var models = Path.Combine(root, "models");
        Directory.CreateDirectory(models);
        var original = Path.Combine(PlatformFactory.ModelsDirectory, "miit-sme-digital-level-2024.yaml");
        File.Copy(original, Path.Combine(models, "miit-sme-digital-level-2024.yaml"));
        var email = Codes.Email("revision");
        try
        {
            Guid enterpriseId, draftId, resultId;
            string resultJson;
            using (var first = new PlatformFactory(data, modelsDirectory: models))
            {
                var client = await ApiClient.RegisterAsync(first, email);
                enterpriseId = (await client.CreateEnterpriseAsync("版本测试有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
                var model = first.Services.GetRequiredService<ModelRegistry>().Latest("miit-sme-digital-level")!;
                var sheetId = (await client.StartSheetAsync(enterpriseId, model.Id)).GetProperty("id").GetGuid();
                await client.SaveAsync(sheetId, DemoAnswers.Generate(model, new Random(21), 0.6));
                var submitted = await ApiClient.ReadAsync(await client.Http.PostAsync($"/api/v1/sheets/{sheetId}/submit", null));
                resultId = submitted.GetProperty("summary").GetProperty("id").GetGuid();
                resultJson = submitted.GetProperty("result").GetRawText();
                draftId = (await client.StartSheetAsync(enterpriseId, model.Id)).GetProperty("id").GetGuid();
            }

            // the operator installs a revision with a renamed model and a new version beside the old file
            var revised = File.ReadAllText(original)
                .Replace("version: \"2024.1\"", "version: \"2024.2\"", StringComparison.Ordinal)
                .Replace("version: 2024.1", "version: \"2024.2\"", StringComparison.Ordinal);
            Assert.Contains("2024.2", revised);
            File.WriteAllText(Path.Combine(models, "miit-sme-digital-level-2024.2.yaml"), revised);

            using var second = new PlatformFactory(data, modelsDirectory: models);
            Assert.Equal("2024.2", second.Services.GetRequiredService<ModelRegistry>().Latest("miit-sme-digital-level")!.Version);
            var again = await ApiClient.SignInAsync(second, email, ApiClient.Password);

            var draft = await ApiClient.ReadAsync(await again.Http.GetAsync($"/api/v1/sheets/{draftId}"));
            Assert.Equal("2024.1", draft.GetProperty("modelVersion").GetString());
            var result = await ApiClient.ReadAsync(await again.Http.GetAsync($"/api/v1/results/{resultId}"));
            Assert.Equal("2024.1", result.GetProperty("summary").GetProperty("modelVersion").GetString());
            Assert.Equal(resultJson, result.GetProperty("result").GetRawText());

            var fresh = await again.StartSheetAsync(enterpriseId, "miit-sme-digital-level");
            Assert.Equal("2024.2", fresh.GetProperty("modelVersion").GetString());
            Assert.NotEqual(draftId, fresh.GetProperty("id").GetGuid());
        }
        finally
        {
            PlatformFactory.TryDelete(root);
        }
    }
}
