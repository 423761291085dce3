using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Tests;

/// <summary>The campaign engine itself: findings per signature, reproducible runs, hangs, runaway memory, shrinking.</summary>
public sealed class CampaignEngineTests
{
    private static readonly IReadOnlyList<byte[]> Corpus = [[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]];

    /// <summary>Throws for inputs holding 0x42 or 0x43 (two different places), accepts inputs starting with an odd byte.</summary>
    private sealed class PickyTarget : FuzzTarget
    {
        public override string Name => "picky";

        public override string Description => "test target";

        public override string Extension => ".bin";

        public override int ShortCampaignInputs => 0;

        public override Verdict Run(byte[] input)
        {
            if (input.Contains((byte)0x42)) throw new IndexOutOfRangeException("0x42");
            if (input.Contains((byte)0x43)) Fail();
            return input.Length > 0 && input[0] % 2 == 1 ? Verdict.Accepted : Verdict.Rejected;
        }

        private static void Fail() => throw new FormatException("0x43");
    }

    private sealed class BlockingTarget(ManualResetEventSlim release) : FuzzTarget
    {
        public override string Name => "blocking";

        public override string Description => "test target";

        public override string Extension => ".bin";

        public override int ShortCampaignInputs => 0;

        public override Verdict Run(byte[] input)
        {
            release.Wait();
            return Verdict.Rejected;
        }
    }

    private sealed class GreedyTarget : FuzzTarget
    {
        public override string Name => "greedy";

        public override string Description => "test target";

        public override string Extension => ".bin";

        public override int ShortCampaignInputs => 0;

        public override Verdict Run(byte[] input) => new byte[4 * 1024 * 1024].Length > input.Length ? Verdict.Accepted : Verdict.Rejected;
    }

    [Fact]
    public void Exceptions_are_findings_once_per_place_and_the_campaign_goes_on()
    {
        var result = Campaign.Run(new PickyTarget(), Corpus, new CampaignOptions(5_000, null, 7));

        Assert.Equal(5_000, result.Inputs);
        Assert.Equal(["FormatException", "IndexOutOfRangeException"], result.Findings.Select(f => f.Kind).Order());
        Assert.Contains(result.Findings, f => f.Kind == "FormatException" && f.Input.Contains((byte)0x43) && f.Where.Contains("Fail", StringComparison.Ordinal));
        Assert.True(result.Accepted > 0 && result.Rejected > 0);
        Assert.True(result.Accepted + result.Rejected < result.Inputs, "inputs that threw are neither accepted nor rejected");
    }

    [Fact]
    public void The_same_seed_gives_the_same_campaign()
    {
        var first = Campaign.Run(new PickyTarget(), Corpus, new CampaignOptions(2_000, null, 11));
        var second = Campaign.Run(new PickyTarget(), Corpus, new CampaignOptions(2_000, null, 11));
        var other = Campaign.Run(new PickyTarget(), Corpus, new CampaignOptions(2_000, null, 12));

        Assert.Equal((first.Accepted, first.Rejected), (second.Accepted, second.Rejected));
        Assert.Equal(first.Findings.Select(f => Convert.ToHexString(f.Input)), second.Findings.Select(f => Convert.ToHexString(f.Input)));
        Assert.NotEqual(first.Findings.Select(f => Convert.ToHexString(f.Input)), other.Findings.Select(f => Convert.ToHexString(f.Input)));
    }

    [Fact]
    public void An_input_that_runs_past_the_time_limit_is_a_hang()
    {
        using var release = new ManualResetEventSlim();
        try
        {
            var options = new CampaignOptions(10, null, 1) { InputTimeLimit = TimeSpan.FromMilliseconds(300) };
            var result = Campaign.Run(new BlockingTarget(release), Corpus, options);

            Assert.True(result.Hung);
            var hang = Assert.Single(result.Findings);
            Assert.Equal("Hang", hang.Kind);
            Assert.Equal(Corpus[0], hang.Input);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void An_input_that_allocates_past_the_limit_is_runaway_memory()
    {
        var options = new CampaignOptions(3, null, 1) { InputAllocationLimit = 1024 * 1024 };
        var result = Campaign.Run(new GreedyTarget(), Corpus, options);

        Assert.Equal("Memory", Assert.Single(result.Findings).Kind);
        Assert.Equal(3, result.Accepted);
    }

    [Fact]
    public void A_finding_is_shrunk_to_the_bytes_that_cause_it()
    {
        var input = Enumerable.Range(0, 300).Select(i => (byte)(i % 0x40)).ToArray();
        input[217] = 0x42;
        var target = new PickyTarget();
        Finding? finding = null;
        try
        {
            target.Run(input);
        }
        catch (IndexOutOfRangeException e)
        {
            finding = Finding.FromException(target.Name, e, input);
        }

        var shrunk = Minimizer.Minimize(target, finding!);

        Assert.Equal([0x42], shrunk.Input);
        Assert.Equal(finding!.Signature, shrunk.Signature);
    }
}
