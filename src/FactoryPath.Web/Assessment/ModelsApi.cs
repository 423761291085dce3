using FactoryPath.Core.Assessment;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Assessment;

public sealed record ModelSummary(string Id, string Version, LocalizedText Name, LocalizedText? Description, string Source, decimal MaxScore, int Questions, bool IsLatest);

public sealed record ModelOptionDto(string Key, LocalizedText Label, decimal Points, bool Exclusive);
public sealed record ModelInputDto(string Id, LocalizedText Label, LocalizedText? Unit);
public sealed record ModelBandDto(string Key, string Label, decimal Points);
public sealed record ModelSceneLevelDto(int Level, LocalizedText Text);

/// <summary>How a band question's rate is computed: input ids, "questionId.inputId" where another question holds the figure.</summary>
public sealed record ModelRateDto(string Numerator, string Denominator);

/// <summary>A node of the model tree as clients see it: enough to render and answer every question.</summary>
public sealed record ModelNodeDto(
    string Id, string Kind, LocalizedText Name, LocalizedText? Help, decimal Points, bool? MayBeNotApplicable,
    IReadOnlyList<ModelNodeDto>? Children, IReadOnlyList<ModelOptionDto>? Options, IReadOnlyList<ModelInputDto>? Inputs,
    IReadOnlyList<ModelBandDto>? Bands, ModelRateDto? Rate, bool? AllowDirectChoice, IReadOnlyList<ModelSceneLevelDto>? Levels, bool? Constraint, int? RequirementLevel)
{
    public static ModelNodeDto From(ModelNode node) => node switch
    {
        ModelGroup g => Base(g, "group") with { MayBeNotApplicable = g.MayBeNotApplicable, Children = g.Children.Select(From).ToList() },
        SingleChoiceQuestion q => Base(q, q.Kind) with { Options = q.Options.Select(o => new ModelOptionDto(o.Key, o.Label, o.Points, o.Exclusive)).ToList() },
        MultiChoiceQuestion q => Base(q, q.Kind) with { Options = q.Options.Select(o => new ModelOptionDto(o.Key, o.Label, o.Points, o.Exclusive)).ToList() },
        BandQuestion q => Base(q, q.Kind) with
        {
            Inputs = q.Inputs.Select(i => new ModelInputDto(i.Id, i.Label, i.Unit)).ToList(),
            Bands = q.Bands.Select(b => new ModelBandDto(b.Key, b.Label, b.Points)).ToList(),
            Rate = q.Rate is { } rate ? new ModelRateDto(rate.Numerator.ToString(), rate.Denominator.ToString()) : null,
            AllowDirectChoice = q.AllowDirectChoice,
        },
        TrendQuestion q => Base(q, q.Kind) with
        {
            Options = q.Options.Select(o => new ModelOptionDto(o.Key, o.Label, o.Points, false)).ToList(),
            Inputs = q.Inputs.Select(i => new ModelInputDto(i.Id, i.Label, i.Unit)).ToList(),
        },
        SceneQuestion q => Base(q, q.Kind) with { Levels = q.LevelDescriptions.Select(l => new ModelSceneLevelDto(l.Level, l.Text)).ToList(), Constraint = q.Constraint },
        RatingQuestion q => Base(q, q.Kind) with { Options = q.Grades.Select(g => new ModelOptionDto(g.Key, g.Label, q.Points * g.Fraction, false)).ToList(), RequirementLevel = q.Level },
        Question q => Base(q, q.Kind),
        _ => Base(node, "node"),
    };

    private static ModelNodeDto Base(ModelNode n, string kind) =>
        new(n.Id, kind, n.Name, n.Help, n.Points, null, null, null, null, null, null, null, null, null, null);
}

public sealed record ModelResponse(ModelSummary Summary, IReadOnlyList<ModelNodeDto> Dimensions, IReadOnlyList<ModelNodeDto> SceneGroups);

public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/models").WithTags("models");
        group.MapGet("/", (ModelRegistry models) => TypedResults.Ok(models.Models.Select(m => Summary(models, m)).ToList()))
            .WithName("ListModels").WithSummary("Every installed assessment model version");

        group.MapGet("/{id}", (ModelRegistry models, string id) =>
                models.Latest(id) is { } m ? Results.Ok(Detail(models, m)) : OutcomeResults.NotFoundProblem())
            .WithName("GetLatestModel").WithSummary("The latest version of a model, with its full question tree").Produces<ModelResponse>();

        group.MapGet("/{id}/{version}", (ModelRegistry models, string id, string version) =>
                models.Find(id, version) is { } m ? Results.Ok(Detail(models, m)) : OutcomeResults.NotFoundProblem())
            .WithName("GetModel").WithSummary("One model version, with its full question tree").Produces<ModelResponse>();
        return api;
    }

    private static ModelSummary Summary(ModelRegistry models, AssessmentModel m) =>
        new(m.Id, m.Version, m.Name, m.Description, m.Source, m.MaxScore, m.Questions.Count, models.Latest(m.Id) == m);

    private static ModelResponse Detail(ModelRegistry models, AssessmentModel m) =>
        new(Summary(models, m), m.Dimensions.Select(ModelNodeDto.From).ToList(), m.SceneGroups.Select(ModelNodeDto.From).ToList());
}
