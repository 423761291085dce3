namespace FactoryPath.Core.Demands;

/// <summary>What the enterprise records when a project is done: a rating of the provider (1–5), a comment and measured outcomes.</summary>
public sealed record CompletionInput(int? Rating, string? Comment, IReadOnlyList<KpiOutcomeInput>? Kpis);

/// <summary>One measured outcome: an indicator key (e.g. <c>production_efficiency</c>) and its relative change in percent.</summary>
public sealed record KpiOutcomeInput(string? Indicator, double? ChangePercent, double? Before = null, double? After = null, string? Unit = null);
