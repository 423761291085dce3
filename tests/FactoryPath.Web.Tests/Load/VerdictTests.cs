using FactoryPath.Load;

namespace FactoryPath.Web.Tests.Load;

public class VerdictTests
{
    private static WrkFigures Figures(string statuses, long statusErrors = 0, long read = 0, long timeout = 0, long login = 0, long requests = -1)
    {
        var output = WrkOutputTests.Output(
            requests: requests >= 0 ? requests : statuses.Split('\n').Sum(l => long.Parse(l[(l.IndexOf('=') + 1)..])),
            statuses: statuses, statusErrors: statusErrors, read: read, timeout: timeout, login: login);
        var (figures, error) = WrkOutput.Parse(output);
        Assert.True(figures is not null, error);
        return figures;
    }

    [Fact]
    public void All_2xx_without_socket_errors_passes()
    {
        Assert.Empty(Verdict.Problems(Figures("fpload.status.200=900\nfpload.status.204=3")));
    }

    [Fact]
    public void A_redirect_to_the_sign_in_page_fails_and_is_named()
    {
        var problems = Verdict.Problems(Figures("fpload.status.200=10\nfpload.status.302=4", login: 4));

        Assert.Contains(problems, p => p.StartsWith("4 redirect(s) to the sign-in page", StringComparison.Ordinal));
        Assert.Contains("answers other than 2xx: 4 × 302", problems);
    }

    [Fact]
    public void Any_error_status_fails_with_its_count()
    {
        var problems = Verdict.Problems(Figures("fpload.status.200=97\nfpload.status.500=2\nfpload.status.429=1", statusErrors: 3));

        Assert.Equal(["answers other than 2xx: 1 × 429, 2 × 500"], problems);
    }

    [Fact]
    public void Socket_errors_and_timeouts_fail()
    {
        var problems = Verdict.Problems(Figures("fpload.status.200=50", read: 2, timeout: 1));

        Assert.Equal(["2 read error(s)", "1 timeout(s)"], problems);
    }

    [Fact]
    public void A_run_without_a_completed_request_fails()
    {
        Assert.Equal(["no request completed"], Verdict.Problems(Figures("", requests: 0)));
    }

    [Fact]
    public void Wrk_and_the_script_disagreeing_on_error_answers_fails()
    {
        var problems = Verdict.Problems(Figures("fpload.status.200=10", statusErrors: 2));

        Assert.Equal(["wrk counted 2 answers ≥ 400, the script 0"], problems);
    }

    [Theory]
    [InlineData(200, null, null)]
    [InlineData(204, null, null)]
    [InlineData(302, "/account/login?ReturnUrl=%2Fdemands", "302 redirect to the sign-in page (the credentials were not accepted or have expired)")]
    [InlineData(302, "/account/denied", "answered 302")]
    [InlineData(404, null, "answered 404")]
    [InlineData(503, null, "answered 503")]
    public void A_single_answer_follows_the_same_rule(int status, string? location, string? expected)
    {
        Assert.Equal(expected, Verdict.ProblemOf(status, location));
    }
}
