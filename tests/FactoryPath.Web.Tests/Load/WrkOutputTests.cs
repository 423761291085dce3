using FactoryPath.Load;

namespace FactoryPath.Web.Tests.Load;

public class WrkOutputTests
{
    /// <summary>What wrk prints with bench/load/report.lua: its own summary, then the script's lines.</summary>
    public static string Output(long requests = 1200, long durationUs = 2_000_000, string statuses = "fpload.status.200=1200", long statusErrors = 0,
        long read = 0, long timeout = 0, long login = 0) => $"""
        Running 2s test @ http://127.0.0.1:5080/health
          2 threads and 4 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency   310.00us  120.00us   4.20ms   90.00%
          1200 requests in 2.00s, 200.00KB read
        Requests/sec:    600.00
        fpload.requests={requests}
        fpload.duration_us={durationUs}
        fpload.bytes=204800
        fpload.errors.connect=0
        fpload.errors.read={read}
        fpload.errors.write=0
        fpload.errors.timeout={timeout}
        fpload.errors.status={statusErrors}
        fpload.latency.p50_us=280
        fpload.latency.p90_us=450
        fpload.latency.p99_us=1900
        fpload.latency.max_us=4200
        fpload.latency.mean_us=310
        fpload.login_redirects={login}
        {statuses}
        fpload.end=1
        """;

    [Fact]
    public void Reads_the_figures_the_script_prints_among_wrks_own_lines()
    {
        var (figures, error) = WrkOutput.Parse(Output());

        Assert.Null(error);
        Assert.NotNull(figures);
        Assert.Equal(1200, figures.Requests);
        Assert.Equal(600.0, figures.RequestsPerSecond, 6);
        Assert.Equal((280, 450, 1900, 4200), (figures.P50Us, figures.P90Us, figures.P99Us, figures.MaxUs));
        Assert.Equal(1200, Assert.Single(figures.Statuses, s => s.Key == 200).Value);
        Assert.Equal(0, figures.NonSuccess);
    }

    [Fact]
    public void Counts_every_status_apart()
    {
        var (figures, _) = WrkOutput.Parse(Output(requests: 10, statuses: "fpload.status.200=7\nfpload.status.302=1\nfpload.status.500=2", statusErrors: 2));

        Assert.NotNull(figures);
        Assert.Equal(3, figures.NonSuccess);
        Assert.Equal([200, 302, 500], figures.Statuses.Keys.Order());
    }

    [Fact]
    public void Output_without_the_scripts_lines_is_named_as_such()
    {
        var (figures, error) = WrkOutput.Parse("unable to connect to 127.0.0.1:1 Connection refused\n");

        Assert.Null(figures);
        Assert.Contains("printed no figures", error);
    }

    [Fact]
    public void Missing_lines_are_listed()
    {
        var cut = string.Join('\n', Output().Split('\n').Where(l => !l.Contains("p99_us") && !l.Contains("fpload.end")));

        var (figures, error) = WrkOutput.Parse(cut);

        Assert.Null(figures);
        Assert.Equal("wrk's figures lack latency.p99_us, end", error);
    }

    [Theory]
    [InlineData("fpload.requests=12x", "'requests' is '12x', not a whole number ≥ 0")]
    [InlineData("fpload.requests=-1", "'requests' is '-1', not a whole number ≥ 0")]
    [InlineData("fpload.requests", "has no '='")]
    [InlineData("fpload.status.abc=1", "'status.abc' does not name an HTTP status")]
    public void A_malformed_line_is_refused_with_its_number(string line, string expected)
    {
        var output = Output().Replace("fpload.requests=1200", line, StringComparison.Ordinal);

        var (figures, error) = WrkOutput.Parse(output);

        Assert.Null(figures);
        Assert.Contains(expected, error);
        Assert.StartsWith("line 7:", error);
    }

    [Fact]
    public void A_key_twice_is_refused()
    {
        var (figures, error) = WrkOutput.Parse(Output() + "\nfpload.requests=5\n");

        Assert.Null(figures);
        Assert.Contains("'requests' appears twice", error);
    }

    [Fact]
    public void Status_counts_that_do_not_add_up_to_the_requests_are_refused()
    {
        var (figures, error) = WrkOutput.Parse(Output(requests: 1200, statuses: "fpload.status.200=1100"));

        Assert.Null(figures);
        Assert.Equal("the script counted 1100 answers by status but wrk 1200 requests", error);
    }
}
