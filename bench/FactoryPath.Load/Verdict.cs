namespace FactoryPath.Load;

/// <summary>
/// The rules a run must pass: every answer 2xx (a redirect to the sign-in page, i.e. a cookie the platform did not
/// accept, is named as such), no socket error, no timeout, at least one request.
/// </summary>
public static class Verdict
{
    public static IReadOnlyList<string> Problems(WrkFigures f)
    {
        var problems = new List<string>();
        if (f.Requests == 0) problems.Add("no request completed");
        if (f.LoginRedirects > 0) problems.Add($"{f.LoginRedirects} redirect(s) to the sign-in page (the credentials were not accepted or have expired)");
        var others = f.Statuses.Where(s => s.Key is < 200 or > 299).ToList();
        if (others.Count > 0) problems.Add("answers other than 2xx: " + string.Join(", ", others.Select(s => $"{s.Value} × {s.Key}")));
        // wrk counts status ≥ 400 itself; a disagreement means the script missed answers
        var clientOrServerErrors = f.Statuses.Where(s => s.Key >= 400).Sum(s => s.Value);
        if (f.StatusErrors != clientOrServerErrors) problems.Add($"wrk counted {f.StatusErrors} answers ≥ 400, the script {clientOrServerErrors}");
        if (f.ConnectErrors > 0) problems.Add($"{f.ConnectErrors} connect error(s)");
        if (f.ReadErrors > 0) problems.Add($"{f.ReadErrors} read error(s)");
        if (f.WriteErrors > 0) problems.Add($"{f.WriteErrors} write error(s)");
        if (f.Timeouts > 0) problems.Add($"{f.Timeouts} timeout(s)");
        return problems;
    }

    /// <summary>Whether a single answer (warm-up, id look-up) passes the same rule.</summary>
    public static string? ProblemOf(int status, string? location)
    {
        if (status is >= 300 and < 400 && location is not null && location.Contains("/account/login", StringComparison.Ordinal))
            return $"{status} redirect to the sign-in page (the credentials were not accepted or have expired)";
        return status is >= 200 and <= 299 ? null : $"answered {status}";
    }
}
