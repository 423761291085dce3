namespace FactoryPath.Web.Platform;

public enum OutcomeKind { Ok, NotFound, Invalid, Conflict, Forbidden, Unprocessable }

/// <summary>
/// What an application service did: the value, or why not. "Not found" also stands for "not yours", so callers never
/// learn that another tenant's record exists.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string[]>? Errors, string? Message)
{
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null, null);
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, null, message);
    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, null, message);
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, errors, null);
    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    /// <summary>A well-formed request the rules refuse (e.g. not eligible, outside a period): 422 with the reasons by topic.</summary>
    public static Outcome<T> Unprocessable(string message, IReadOnlyDictionary<string, string[]> reasons) => new(OutcomeKind.Unprocessable, default, reasons, message);
}

public static class OutcomeResults
{
    /// <summary>404 as ProblemDetails, worded so that "not yours" and "does not exist" read the same.</summary>
    public static IResult NotFoundProblem() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        detail: Localization.UiText.Pick("找不到该记录，或者您没有查看它的权限。", "Not found, or not yours to see."));

    /// <summary>Turns a failed outcome into the matching ProblemDetails response (404, 400 with field errors, 409, 403, 422 with reasons).</summary>
    public static IResult ToProblem<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => NotFoundProblem(),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: outcome.Message),
        OutcomeKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: outcome.Message),
        OutcomeKind.Unprocessable => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: outcome.Message,
            extensions: new Dictionary<string, object?> { ["reasons"] = outcome.Errors }),
        _ => throw new InvalidOperationException("A successful outcome has no problem."),
    };
}
