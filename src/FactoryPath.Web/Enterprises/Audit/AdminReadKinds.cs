namespace FactoryPath.Web.Enterprises.Audit;

/// <summary>The short codes of what an administrator read, with their names for the enterprise's log page.</summary>
public static class AdminReadKinds
{
    public const string Profile = "profile";
    public const string Results = "results";
    public const string Result = "result";
    public const string AnswerSheets = "answer-sheets";
    public const string AnswerSheet = "answer-sheet";
    public const string Evidence = "evidence";
    public const string DemonstrationApplication = "demonstration-application";
    public const string SupportApplication = "support-application";

    public static string Name(string what) => what switch
    {
        Profile => Localization.UiText.Pick("企业档案", "Enterprise profile"),
        Results => Localization.UiText.Pick("评测结果列表", "List of results"),
        Result => Localization.UiText.Pick("评测结果", "Assessment result"),
        AnswerSheets => Localization.UiText.Pick("答卷列表", "List of answer sheets"),
        AnswerSheet => Localization.UiText.Pick("答卷", "Answer sheet"),
        Evidence => Localization.UiText.Pick("设备与数据证据", "Equipment and data evidence"),
        DemonstrationApplication => Localization.UiText.Pick("示范申报", "Demonstration application"),
        SupportApplication => Localization.UiText.Pick("扶持项目申请", "Support programme application"),
        _ => what,
    };
}
