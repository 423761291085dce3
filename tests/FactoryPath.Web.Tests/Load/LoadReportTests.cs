using FactoryPath.Load;

namespace FactoryPath.Web.Tests.Load;

public class LoadReportTests
{
    private static readonly LoadEndpoint Page = new("home", LoadRole.Owner, LoadKind.Page, "PAGE /", "/");

    private static Measurement Measured(LoadEndpoint endpoint, long requests, string statuses = "", long statusErrors = 0)
    {
        var (figures, error) = WrkOutput.Parse(WrkOutputTests.Output(requests: requests, durationUs: 10_000_000,
            statuses: statuses.Length > 0 ? statuses : $"fpload.status.200={requests}", statusErrors: statusErrors));
        Assert.True(figures is not null, error);
        return new Measurement(endpoint, figures, Verdict.Problems(figures));
    }

    private static RunContext Context() => new(new DateTime(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc), "bench/load/run.sh --quick", "AMD EPYC, nproc 2", "24 GB",
        "1.00 2.00 3.00", "4.00 5.00 6.00", "generated", "300 enterprises", 2, 4, 2, ["demand page: the owner has no demand"]);

    [Fact]
    public void The_ceiling_is_the_mean_of_the_health_runs_before_and_after()
    {
        var measurements = new[] { Measured(LoadEndpoints.CeilingBefore, 80_000), Measured(Page, 500), Measured(LoadEndpoints.CeilingAfter, 120_000) };

        Assert.Equal(10_000.0, LoadReport.Ceiling(measurements)!.Value, 6);
        Assert.Equal("0.005", LoadReport.Ratio(measurements[1], 10_000));
    }

    [Fact]
    public void A_failed_health_run_is_no_anchor()
    {
        var failed = Measured(LoadEndpoints.CeilingBefore, 100, "fpload.status.200=90\nfpload.status.500=10", statusErrors: 10);

        Assert.Null(LoadReport.Ceiling([failed, Measured(Page, 500)]));
        Assert.Equal("–", LoadReport.Ratio(Measured(Page, 500), null));
    }

    [Fact]
    public void The_table_holds_every_run_with_its_ratio_and_names_the_failures()
    {
        var failing = Measured(Page with { Name = "demands", Path = "/demands" }, 100, "fpload.status.200=99\nfpload.status.302=1");
        var markdown = LoadReport.Markdown(Context(), [Measured(LoadEndpoints.CeilingBefore, 100_000), Measured(Page, 1_000), failing, Measured(LoadEndpoints.CeilingAfter, 100_000)]);

        Assert.Contains("| home | Owner | `/` | 1,000 | 100.0 | 0.28 | 0.45 | 1.90 | 4.20 | 0 | 0.010 |", markdown);
        Assert.Contains("| /health (before) | Anonymous | `/health` | 100,000 | 10,000.0 |", markdown);
        Assert.Contains("load average (1/5/15 min) before 1.00 2.00 3.00, after 4.00 5.00 6.00", markdown);
        Assert.Contains("- left out: demand page: the owner has no demand", markdown);
        Assert.Contains("**FAILED**: 1 of 4 runs.", markdown);
        Assert.Contains("- demands (`/demands` as Owner): answers other than 2xx: 1 × 302", markdown);
    }

    [Fact]
    public void A_write_shows_its_method_beside_its_path()
    {
        var write = new LoadEndpoint("save draft answers", LoadRole.Owner, LoadKind.Api, "PUT /api/v1/sheets/{id:guid}/answers", "/api/v1/sheets/1/answers", "PUT", "{}");
        var markdown = LoadReport.Markdown(Context(), [Measured(LoadEndpoints.CeilingBefore, 100_000), Measured(write, 1_000), Measured(LoadEndpoints.CeilingAfter, 100_000)]);

        Assert.Contains("| save draft answers | Owner | `PUT /api/v1/sheets/1/answers` | 1,000 |", markdown);
        Assert.Contains("| /health (before) | Anonymous | `/health` |", markdown);
    }

    [Fact]
    public void A_clean_run_says_so()
    {
        var markdown = LoadReport.Markdown(Context(), [Measured(LoadEndpoints.CeilingBefore, 100_000), Measured(LoadEndpoints.CeilingAfter, 100_000)]);

        Assert.Contains("All 2 runs passed", markdown);
        Assert.DoesNotContain("FAILED", markdown);
    }
}
