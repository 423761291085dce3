using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Eligibility;

/// <summary>Whether one rule is met, with the rule described and the enterprise's own value, in both languages.</summary>
public sealed record RuleOutcome(EligibilityRule Rule, bool Met, LocalizedText Requirement, LocalizedText Actual);

/// <summary>The outcome of checking every rule; eligible when all are met (no rules: eligible).</summary>
public sealed record EligibilityReport(bool Eligible, IReadOnlyList<RuleOutcome> Rules);
