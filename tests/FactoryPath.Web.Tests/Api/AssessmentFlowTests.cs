using FactoryPath.Core.Assessment;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Api;

public sealed class AssessmentFlowTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private ModelRegistry Models => _factory.Services.GetRequiredService<ModelRegistry>();

    [Fact]
    public async Task Register_profile_answer_and_submit_gives_a_stored_result_with_level_and_gaps()
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var enterprise = await client.CreateEnterpriseAsync("测试精密机械有限公司", Codes.NewCreditCode());
        Assert.Equal("small", enterprise.GetProperty("sizeClass").GetString());
        var enterpriseId = enterprise.GetProperty("id").GetGuid();

        var sheet = await client.StartSheetAsync(enterpriseId, "miit-sme-digital-level");
        var sheetId = sheet.GetProperty("id").GetGuid();
        Assert.Equal("draft", sheet.GetProperty("status").GetString());

        var model = Models.Latest("miit-sme-digital-level")!;
        var answers = DemoAnswers.Generate(model, new Random(7), 0.6);
        var saved = await client.SaveAsync(sheetId, answers);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var savedBody = await ApiClient.ReadAsync(saved);
        Assert.Equal(model.Questions.Count, savedBody.GetProperty("answered").GetInt32());

        var submitted = await client.Http.PostAsync($"/api/v1/sheets/{sheetId}/submit", null);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var body = await ApiClient.ReadAsync(submitted);

        var expected = Scorer.Score(model, answers);
        var summary = body.GetProperty("summary");
        Assert.Equal((double)expected.TotalScore, summary.GetProperty("score").GetDouble(), 6);
        Assert.Equal(expected.Level.Number, summary.GetProperty("level").GetInt32());
        Assert.Equal(expected.Nodes.Count, body.GetProperty("result").GetProperty("nodes").GetArrayLength());
        Assert.Equal(16, body.GetProperty("result").GetProperty("scenes").GetArrayLength());
        Assert.False(body.GetProperty("peers").GetProperty("isShown").GetBoolean());

        var resultId = summary.GetProperty("id").GetGuid();
        var read = await client.Http.GetAsync($"/api/v1/results/{resultId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var roadmap = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/results/{resultId}/roadmap"));
        Assert.Equal(expected.Level.Number, roadmap.GetProperty("current").GetProperty("number").GetInt32());
        if (expected.Level.Number < 4)
        {
            Assert.Equal(expected.Level.Number + 1, roadmap.GetProperty("target").GetProperty("number").GetInt32());
            var steps = roadmap.GetProperty("steps").EnumerateArray().ToList();
            Assert.NotEmpty(steps);
            Assert.Single(steps, s => s.GetProperty("reachesTarget").GetBoolean());
        }

        var history = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/enterprises/{enterpriseId}/results"));
        Assert.Equal(1, history.GetProperty("total").GetInt32());
        Assert.Equal(resultId, history.GetProperty("items")[0].GetProperty("id").GetGuid());

        // a submitted sheet is frozen
        var again = await client.SaveAsync(sheetId, answers);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Saving_an_invalid_draft_gives_field_errors_and_keeps_the_stored_answers()
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var enterpriseId = (await client.CreateEnterpriseAsync("草稿测试有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var sheetId = (await client.StartSheetAsync(enterpriseId, "miit-sme-digital-level")).GetProperty("id").GetGuid();
        var model = Models.Latest("miit-sme-digital-level")!;
        var multi = model.Questions.OfType<MultiChoiceQuestion>().First(q => q.Options.Any(o => o.Exclusive));
        var none = multi.Options.First(o => o.Exclusive).Key;
        var other = multi.Options.First(o => !o.Exclusive).Key;

        var good = new AnswerSheetData().With(multi.Id, new Answer { Options = [other] });
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(sheetId, good)).StatusCode);

        var bad = new AnswerSheetData().With(multi.Id, new Answer { Options = [none, other] });
        var response = await client.SaveAsync(sheetId, bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(multi.Id, out var messages));
        Assert.NotEmpty(messages.EnumerateArray());

        var stored = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/sheets/{sheetId}"));
        var options = stored.GetProperty("answers").GetProperty("answers").GetProperty(multi.Id).GetProperty("options");
        Assert.Equal([other], options.EnumerateArray().Select(o => o.GetString()!).ToArray());
    }

    [Fact]
    public async Task Submitting_an_incomplete_sheet_lists_every_unanswered_question()
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var enterpriseId = (await client.CreateEnterpriseAsync("未完成测试有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var sheetId = (await client.StartSheetAsync(enterpriseId, "miit-sme-digital-level")).GetProperty("id").GetGuid();
        var model = Models.Latest("miit-sme-digital-level")!;
        var answers = DemoAnswers.Generate(model, new Random(3), 0.5);
        var skipped = model.Questions[2].Id;
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(sheetId, answers.Without(skipped))).StatusCode);

        var response = await client.Http.PostAsync($"/api/v1/sheets/{sheetId}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ReadAsync(response)).GetProperty("errors");
        Assert.Equal([skipped], errors.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Starting_the_same_model_again_continues_the_open_draft()
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var enterpriseId = (await client.CreateEnterpriseAsync("续填测试有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var first = (await client.StartSheetAsync(enterpriseId, "miit-sme-digital-level")).GetProperty("id").GetGuid();
        var second = (await client.StartSheetAsync(enterpriseId, "miit-sme-digital-level")).GetProperty("id").GetGuid();
        Assert.Equal(first, second);
        var other = (await client.StartSheetAsync(enterpriseId, "cmmm-selfcheck")).GetProperty("id").GetGuid();
        Assert.NotEqual(first, other);
    }
}
