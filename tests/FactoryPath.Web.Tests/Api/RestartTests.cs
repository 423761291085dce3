using FactoryPath.Core.Assessment;
using FactoryPath.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Api;

public sealed class RestartTests
{
    [Fact]
    public async Task Drafts_and_results_survive_a_restart_of_the_platform()
    {
        var dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        var email = Codes.Email("restart");
        Guid draftId, resultId;
        int answeredBefore;
        try
        {
            using (var first = new PlatformFactory(dir))
            {
                var client = await ApiClient.RegisterAsync(first, email);
                var enterpriseId = (await client.CreateEnterpriseAsync("重启测试有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
                var model = first.Services.GetRequiredService<ModelRegistry>().Latest("miit-sme-digital-level")!;
                var sheetId = (await client.StartSheetAsync(enterpriseId, model.Id)).GetProperty("id").GetGuid();
                await client.SaveAsync(sheetId, DemoAnswers.Generate(model, new Random(11), 0.7));
                resultId = (await ApiClient.ReadAsync(await client.Http.PostAsync($"/api/v1/sheets/{sheetId}/submit", null))).GetProperty("summary").GetProperty("id").GetGuid();

                draftId = (await client.StartSheetAsync(enterpriseId, model.Id)).GetProperty("id").GetGuid();
                var partial = DemoAnswers.Generate(model, new Random(12), 0.3);
                foreach (var q in model.Questions.Skip(5)) partial = partial.Without(q.Id);
                var saved = await ApiClient.ReadAsync(await client.SaveAsync(draftId, partial));
                answeredBefore = saved.GetProperty("answered").GetInt32();
                Assert.True(answeredBefore > 0);
            }

            using var second = new PlatformFactory(dir);
            var again = await ApiClient.SignInAsync(second, email, ApiClient.Password);
            var draft = await ApiClient.ReadAsync(await again.Http.GetAsync($"/api/v1/sheets/{draftId}"));
            Assert.Equal("draft", draft.GetProperty("status").GetString());
            Assert.Equal(answeredBefore, draft.GetProperty("answered").GetInt32());
            Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync($"/api/v1/results/{resultId}")).StatusCode);
        }
        finally
        {
            PlatformFactory.TryDelete(dir);
        }
    }
}
