namespace FactoryPath.Web.Tests.Api;

/// <summary>An answer sheet whose pinned model file was removed: the failure is reported, never as a stack trace.</summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task A_missing_model_file_gives_a_problem_on_the_api_and_a_plain_page_in_the_ui()
    {
        var root = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        var models = Path.Combine(root, "models");
        Directory.CreateDirectory(models);
        foreach (var file in Directory.GetFiles(PlatformFactory.ModelsDirectory, "*.yaml")) File.Copy(file, Path.Combine(models, Path.GetFileName(file)));
        var email = Codes.Email("missing-model");
        try
        {
            Guid sheetId;
            using (var first = new PlatformFactory(data, modelsDirectory: models))
            {
                var client = await ApiClient.RegisterAsync(first, email);
                var enterprise = (await client.CreateEnterpriseAsync("缺模型测试", Codes.NewCreditCode())).GetProperty("id").GetGuid();
                sheetId = (await client.StartSheetAsync(enterprise, "miit-sme-digital-level")).GetProperty("id").GetGuid();
            }
            File.Delete(Path.Combine(models, "miit-sme-digital-level-2024.yaml"));

            using var second = new PlatformFactory(data, modelsDirectory: models);
            var api = await ApiClient.SignInAsync(second, email, ApiClient.Password);
            var response = await api.Http.GetAsync($"/api/v1/sheets/{sheetId}");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("Reference", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", body);

            var page = await PageClient.SignedInAsync(second, email, ApiClient.Password);
            var html = await page.Http.GetAsync("/assessments");
            Assert.Equal(HttpStatusCode.InternalServerError, html.StatusCode);
            var text = await html.Content.ReadAsStringAsync();
            Assert.Contains("出错了", text);
            Assert.Contains("Something went wrong", text);
            Assert.DoesNotContain("InvalidOperationException", text);
        }
        finally
        {
            PlatformFactory.TryDelete(root);
        }
    }
}
