using FactoryPath.Load;

namespace FactoryPath.Web.Tests.Load;

public class LoadOptionsTests
{
    private static LoadOptions Parsed(params string[] args)
    {
        var (options, error) = LoadOptions.Parse(["--root", "/repo", .. args]);
        Assert.True(options is not null, error);
        return options;
    }

    private static string? Error(params string[] args) => LoadOptions.Parse(args).Error;

    [Fact]
    public void The_defaults_measure_10_s_per_endpoint_on_20000_generated_enterprises()
    {
        var o = Parsed();

        Assert.Equal((10, 16, 2, false, "Release"), (o.Seconds, o.Connections, o.Threads, o.Quick, o.Configuration));
        Assert.Equal(GenCounts.Full, o.Gen);
        Assert.Null(o.DataDirectory);
        Assert.Equal("bench/load/run.sh", o.Command);
    }

    [Fact]
    public void The_generated_accounts_password_defaults_to_gens_and_a_given_one_stays_out_of_the_command()
    {
        Assert.Equal(global::FactoryPath.Web.Demo.Synthetic.SyntheticDataGenerator.DefaultPassword, Parsed().Password);

        var o = Parsed("--password", "Other#2026pass", "--seconds", "5");

        Assert.Equal("Other#2026pass", o.Password);
        Assert.Equal("bench/load/run.sh --seconds 5", o.Command);
        Assert.Equal("--password needs a value", Error("--root", "/repo", "--password"));
    }

    [Fact]
    public void Quick_is_a_tiny_data_set_and_2_s_per_endpoint()
    {
        var o = Parsed("--quick");

        Assert.Equal((2, 4, 2, true), (o.Seconds, o.Connections, o.Threads, o.Quick));
        Assert.Equal(GenCounts.Quick, o.Gen);
        Assert.True(o.Gen.Enterprises < 1000);
    }

    [Fact]
    public void Given_values_win_and_the_command_shows_them_without_the_scripts_own_arguments()
    {
        var o = Parsed("--configuration", "Debug", "--data-dir", "/tmp/gen 200k", "--seconds", "15", "--connections", "32", "--threads", "4");

        Assert.Equal(("/tmp/gen 200k", 15, 32, 4, "Debug"), (o.DataDirectory, o.Seconds, o.Connections, o.Threads, o.Configuration));
        Assert.Equal("bench/load/run.sh --data-dir '/tmp/gen 200k' --seconds 15 --connections 32 --threads 4", o.Command);
    }

    [Fact]
    public void Threads_never_exceed_connections()
    {
        Assert.Equal(1, Parsed("--connections", "1").Threads);
    }

    [Fact]
    public void Enterprises_scale_the_other_tables_and_name_another_cache_folder()
    {
        var o = Parsed("--enterprises", "50000");

        Assert.Equal(new GenCounts(50_000, 2_500, 25_000, 5_000, 100_000, 42), o.Gen);
        Assert.NotEqual(GenCounts.Full.FolderName, o.Gen.FolderName);
        Assert.Equal("gen-e50000-p2500-s25000-c5000-r100000-seed42", o.Gen.FolderName);
    }

    [Theory]
    [InlineData(new[] { "--root", "/r", "--seconds", "0" }, "--seconds must be a whole number from 1 to 3600, not '0'")]
    [InlineData(new[] { "--root", "/r", "--seconds", "ten" }, "--seconds must be a whole number from 1 to 3600, not 'ten'")]
    [InlineData(new[] { "--root", "/r", "--connections" }, "--connections needs a value")]
    [InlineData(new[] { "--root", "/r", "--data-dir", "--quick" }, "--data-dir needs a value")]
    [InlineData(new[] { "--root", "/r", "--duration", "5" }, "unknown argument '--duration'")]
    [InlineData(new[] { "--root", "/r", "--configuration", "Fast" }, "--configuration must be Release or Debug")]
    [InlineData(new[] { "--root", "/r", "--data-dir", "/d", "--enterprises", "100" }, "give either --data-dir or --enterprises, not both")]
    [InlineData(new[] { "--seconds", "5" }, "--root (the repository folder) is missing; start it with bench/load/run.sh")]
    public void Bad_arguments_are_refused_with_the_argument_named(string[] args, string expected)
    {
        Assert.Equal(expected, Error(args));
    }
}
