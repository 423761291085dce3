using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Catalog.Pool;

/// <summary>Outcome helpers shared by the pool services: validator errors in the viewer's language, and 409 with the field that clashes.</summary>
public static class PoolOutcomes
{
    public static Dictionary<string, string[]> Localize(IReadOnlyDictionary<string, EnterpriseMessage> errors) =>
        errors.ToDictionary(e => e.Key, e => new[] { UiText.Pick(e.Value.Zh, e.Value.En) }, StringComparer.Ordinal);

    /// <summary>A unique value already taken: 409, and the field it belongs to so a form can show it beside the field.</summary>
    public static Outcome<T> Duplicate<T>(string field, string message) =>
        new(OutcomeKind.Conflict, default, new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>Like <see cref="OutcomeResults.ToProblem{T}"/>, but a 409 that names a field carries it as a field error.</summary>
    public static IResult ToPoolProblem<T>(this Outcome<T> outcome) =>
        outcome is { Kind: OutcomeKind.Conflict, Errors: { } errors }
            ? Results.ValidationProblem(errors, detail: outcome.Message, statusCode: StatusCodes.Status409Conflict,
                title: UiText.Pick("记录重复", "Duplicate record"))
            : outcome.ToProblem();
}
