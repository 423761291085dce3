using FactoryPath.Core.Assessment;
using FactoryPath.Core.Eligibility;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Programmes;

/// <summary>Checks a programme and an application field by field; every message in both languages.</summary>
public static class ProgrammeValidator
{
    /// <summary>Errors by field (see <see cref="ProgrammeFields"/>); empty when the programme may be saved.</summary>
    public static Dictionary<string, List<LocalizedText>> Validate(ProgrammeInput input, ModelRegistry models)
    {
        var errors = new Dictionary<string, List<LocalizedText>>();
        void Add(string field, string zh, string en)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(new LocalizedText(zh, en));
        }

        Text(input.NameZh, ProgrammeFields.NameZh, "中文名称", "The Chinese name", ProgrammeLimits.Name, Add);
        Text(input.NameEn, ProgrammeFields.NameEn, "英文名称", "The English name", ProgrammeLimits.Name, Add);
        Text(input.DescriptionZh, ProgrammeFields.DescriptionZh, "中文说明", "The Chinese description", ProgrammeLimits.Description, Add);
        Text(input.DescriptionEn, ProgrammeFields.DescriptionEn, "英文说明", "The English description", ProgrammeLimits.Description, Add);

        if (string.IsNullOrWhiteSpace(input.RegionCode)) Add(ProgrammeFields.RegionCode, "请选择项目所属地区。", "Choose the region the programme belongs to.");
        else if (!RegionCatalog.IsValidCode(input.RegionCode.Trim()))
            Add(ProgrammeFields.RegionCode, $"“{input.RegionCode}”不是 GB/T 2260 行政区划代码。", $"\"{input.RegionCode}\" is no GB/T 2260 region code.");

        if (input.BudgetCny is not { } budget) Add(ProgrammeFields.BudgetCny, "请填写总预算。", "Enter the budget.");
        else if (budget is <= 0 or > ProgrammeLimits.MaxCny)
            Add(ProgrammeFields.BudgetCny, "总预算须大于 0 元且不超过 1000 亿元。", "The budget must be above CNY 0 and at most CNY 100 billion.");

        if (input.MaxPerApplicationCny is not { } max) Add(ProgrammeFields.MaxPerApplicationCny, "请填写单个申请的最高金额。", "Enter the maximum amount per application.");
        else if (max <= 0) Add(ProgrammeFields.MaxPerApplicationCny, "单个申请的最高金额须大于 0 元。", "The maximum per application must be above CNY 0.");
        else if (input.BudgetCny is > 0 and var b && max > b)
            Add(ProgrammeFields.MaxPerApplicationCny, "单个申请的最高金额不能超过总预算。", "The maximum per application cannot exceed the budget.");

        if (input.OpensOn is null) Add(ProgrammeFields.OpensOn, "请填写开始申报日期。", "Enter the date applications open.");
        if (input.ClosesOn is null) Add(ProgrammeFields.ClosesOn, "请填写截止申报日期。", "Enter the date applications close.");
        else if (input.OpensOn is { } opens && input.ClosesOn < opens)
            Add(ProgrammeFields.ClosesOn, "截止日期不能早于开始日期。", "The closing date cannot be before the opening date.");
        else if (input.OpensOn is { } o && input.ClosesOn.Value.DayNumber - o.DayNumber > 3660)
            Add(ProgrammeFields.ClosesOn, "申报期不能超过十年。", "The application period cannot be longer than ten years.");

        if (input.Rules is { Count: > ProgrammeLimits.Rules })
            Add(ProgrammeFields.Rules, $"最多 {ProgrammeLimits.Rules} 条资格规则。", $"At most {ProgrammeLimits.Rules} eligibility rules.");
        else
            foreach (var problem in EligibilityRules.Validate(input.Rules, (model, question) => Known(models, model, question)))
                Add(ProgrammeFields.Rules, problem.Zh, problem.En);
        return errors;
    }

    /// <summary>Whether a model exists and, given a question id, whether its latest version has that node.</summary>
    public static bool Known(ModelRegistry models, string modelId, string? questionId) =>
        models.Latest(modelId) is { } model && (questionId is null || model.FindNode(questionId) is not null);

    /// <summary>Checks the amount and purpose of an application against the programme's ceiling.</summary>
    public static Dictionary<string, List<LocalizedText>> Validate(ApplicationInput input, SupportProgramme programme)
    {
        var errors = new Dictionary<string, List<LocalizedText>>();
        void Add(string field, string zh, string en) => errors[field] = [new LocalizedText(zh, en)];
        if (input.RequestedCny is not { } amount) Add(ProgrammeFields.RequestedCny, "请填写申请金额。", "Enter the amount requested.");
        else if (amount <= 0) Add(ProgrammeFields.RequestedCny, "申请金额须大于 0 元。", "The amount requested must be above CNY 0.");
        else if (amount > programme.MaxPerApplicationCny)
            Add(ProgrammeFields.RequestedCny, $"申请金额不能超过本项目单个申请的最高金额 {programme.MaxPerApplicationCny} 元。",
                $"The amount requested cannot exceed the programme's maximum per application, CNY {programme.MaxPerApplicationCny}.");
        Text(input.Purpose, ProgrammeFields.Purpose, "资金用途", "The purpose", ProgrammeLimits.Purpose, Add);
        if (input.ScenarioId is { Length: > 80 }) Add(ProgrammeFields.ScenarioId, "场景编号过长。", "The scenario id is too long.");
        return errors;
    }

    private static void Text(string? value, string field, string zhName, string enName, int max, Action<string, string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value)) add(field, $"{zhName}不能为空。", $"{enName} is required.");
        else if (value.Trim().Length > max) add(field, $"{zhName}最多 {max} 个字符。", $"{enName} may have at most {max} characters.");
    }
}
