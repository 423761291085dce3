using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Mqtt;

namespace FactoryPath.Edge.Tests.Mqtt;

public sealed class JsonMappingTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static (List<TagSample> Samples, List<(string Kind, string Message)> Errors) Map(JsonSubscriptionOptions subscription, string topic, string payload)
    {
        Assert.Empty(new MqttJsonOptions { Broker = new() { Host = "h", ClientId = "c" }, Subscriptions = [subscription] }.Validate());
        var samples = new List<TagSample>();
        var errors = new List<(string, string)>();
        new JsonSubscriptionMapper(subscription).Map(topic, Encoding.UTF8.GetBytes(payload), Received, samples, errors);
        return (samples, errors);
    }

    private static JsonSubscriptionOptions One(JsonTagMapping tag) => new() { TopicFilter = "acme/+/+/telemetry", Tags = [tag] };

    [Fact]
    public void Map_TopicLevelsNestedPathsArraysScaleAndOffset()
    {
        var subscription = new JsonSubscriptionOptions
        {
            TopicFilter = "acme/+/+/telemetry",
            Tags =
            [
                new("{2}/{3}/temp", "data.temp", Scale: 0.1, Offset: -2),
                new("{2}/{3}/phase-b", "power.phases[1]"),
                new("fixed/running", "running"),
            ],
        };

        var (samples, errors) = Map(subscription, "acme/line-1/press-3/telemetry", """{"data":{"temp":1234},"power":{"phases":[1.5,2.5]},"running":true}""");

        Assert.Empty(errors);
        Assert.Equal(
            [TagSample.Good("line-1/press-3/temp", Received, 1234 * 0.1 - 2), TagSample.Good("line-1/press-3/phase-b", Received, 2.5), TagSample.Good("fixed/running", Received, 1)],
            samples);
    }

    [Theory]
    [InlineData("\"2026-03-01T08:30:00Z\"", "2026-03-01T08:30:00+00:00")]
    [InlineData("\"2026-03-01T16:30:00+08:00\"", "2026-03-01T08:30:00+00:00")]
    [InlineData("1772353800000", "2026-03-01T08:30:00+00:00")]
    public void Map_ReadsIso8601AndEpochMillisecondTimestamps(string json, string expected)
    {
        var (samples, errors) = Map(One(new("t", "v", TimestampPath: "ts")), "acme/a/b/telemetry", $$"""{"v":1,"ts":{{json}}}""");

        Assert.Empty(errors);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(samples).Timestamp);
    }

    [Theory]
    [InlineData("\"good\"", TagQuality.Good, 5.0)]
    [InlineData("\"Uncertain\"", TagQuality.Uncertain, 5.0)]
    [InlineData("\"BAD\"", TagQuality.Bad, null)]
    [InlineData("true", TagQuality.Good, 5.0)]
    [InlineData("false", TagQuality.Bad, null)]
    public void Map_ReadsTheQualityField(string json, TagQuality quality, double? value)
    {
        var (samples, _) = Map(One(new("t", "v", QualityPath: "q")), "acme/a/b/telemetry", $$"""{"v":5,"q":{{json}}}""");

        var sample = Assert.Single(samples);
        Assert.Equal(quality, sample.Quality);
        Assert.Equal(value, sample.Value);
    }

    [Fact]
    public void Map_NumericStringAndNull()
    {
        var subscription = new JsonSubscriptionOptions { TopicFilter = "x", Tags = [new("a", "a"), new("b", "b")] };

        var (samples, errors) = Map(subscription, "x", """{"a":"17.5","b":null}""");

        Assert.Empty(errors);
        Assert.Equal([TagSample.Good("a", Received, 17.5), TagSample.Bad("b", Received)], samples);
    }

    [Theory]
    [InlineData("not json", SourceErrorKind.NotJson)]
    [InlineData("{\"v\":", SourceErrorKind.NotJson)]
    [InlineData("{\"other\":1}", SourceErrorKind.MissingField)]
    [InlineData("{\"v\":\"hot\"}", SourceErrorKind.NonNumeric)]
    [InlineData("{\"v\":{\"x\":1}}", SourceErrorKind.NonNumeric)]
    [InlineData("[1,2]", SourceErrorKind.MissingField)]
    public void Map_BadPayloads_AreReportedByKind_WithoutSamples(string payload, string kind)
    {
        var (samples, errors) = Map(One(new("t", "v")), "acme/a/b/telemetry", payload);

        Assert.Empty(samples);
        Assert.Equal(kind, Assert.Single(errors).Kind);
    }

    [Fact]
    public void Map_BadTimestampOrQuality_KeepsTheValue_AndReportsIt()
    {
        var (samples, errors) = Map(One(new("t", "v", TimestampPath: "ts", QualityPath: "q")), "acme/a/b/telemetry", """{"v":3,"ts":"yesterday","q":42}""");

        var sample = Assert.Single(samples);
        Assert.Equal(new TagSample("t", Received, 3, TagQuality.Uncertain), sample);
        Assert.Equal([SourceErrorKind.BadTimestamp, SourceErrorKind.BadQuality], errors.Select(e => e.Kind));
    }

    [Fact]
    public void Map_TopicWithTooFewLevelsForTheTagId_IsABadTopic()
    {
        var subscription = new JsonSubscriptionOptions { TopicFilter = "plant/#", Tags = [new("{3}", "v")] };

        var (samples, errors) = Map(subscription, "plant/a", """{"v":1}""");

        Assert.Empty(samples);
        Assert.Equal(SourceErrorKind.BadTopic, Assert.Single(errors).Kind);
    }

    [Theory]
    [InlineData("a.b[2].c", "{\"a\":{\"b\":[0,0,{\"c\":7}]}}", 7.0)]
    [InlineData("[1]", "[5,6]", 6.0)]
    [InlineData("m[0][1]", "{\"m\":[[1,2]]}", 2.0)]
    [InlineData("with space.x", "{\"with space\":{\"x\":3}}", 3.0)]
    public void JsonFieldPath_FindsTheField(string path, string json, double expected)
    {
        Assert.True(JsonFieldPath.TryParse(path, out var parsed, out var error), error);
        using var document = System.Text.Json.JsonDocument.Parse(json);

        Assert.True(parsed.TryFind(document.RootElement, out var found));
        Assert.Equal(expected, found.GetDouble());
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("a..b", "empty property name")]
    [InlineData(".a", "empty property name")]
    [InlineData("a.", "ends with '.'")]
    [InlineData("a[x]", "'[x]' is not an array index")]
    [InlineData("a[-1]", "is not an array index")]
    [InlineData("a[1", "is not closed")]
    [InlineData("a]", "unexpected ']'")]
    [InlineData("a[0]b", "expected '.' or '['")]
    public void JsonFieldPath_Malformed_SaysWhy(string path, string reason)
    {
        Assert.False(JsonFieldPath.TryParse(path, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("{1}/{3}", "a/b/c", "a/c")]
    [InlineData("fixed", "a/b/c", "fixed")]
    [InlineData("{{{2}}}", "a/b", "{b}")]
    public void TopicTagId_RendersTopicLevels(string template, string topic, string expected)
    {
        Assert.True(TopicTagId.TryParse(template, out var id, out var error), error);
        Assert.Equal(expected, id.Render(topic.Split('/'), out _));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{x}")]
    [InlineData("{1")]
    [InlineData("a}")]
    [InlineData(" ")]
    public void TopicTagId_Malformed_IsRejected(string template)
    {
        Assert.False(TopicTagId.TryParse(template, out _, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/#", "a", true)]
    [InlineData("a/#", "a/b/c", true)]
    [InlineData("a/+", "a/b/c", false)]
    [InlineData("#", "$SYS/x", false)]
    [InlineData("+/x", "$SYS/x", false)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/c", false)]
    public void TopicFilter_MatchesAsMqttSays(string filter, string topic, bool expected)
    {
        Assert.Null(MqttTopicFilter.Check(filter));
        Assert.Equal(expected, MqttTopicFilter.Matches(filter, topic));
    }

    [Fact]
    public void Map_RandomBytesAndMangledJson_NeverThrow()
    {
        var subscription = new JsonSubscriptionOptions
        {
            TopicFilter = "x",
            Tags = [new("t", "a.b[1]", TimestampPath: "ts", QualityPath: "q")],
        };
        var mapper = new JsonSubscriptionMapper(subscription);
        var valid = Encoding.UTF8.GetBytes("""{"a":{"b":[1,2.5]},"ts":"2026-03-01T08:00:00Z","q":"good"}""");
        var random = new Random(11);
        var samples = new List<TagSample>();
        var errors = new List<(string Kind, string Message)>();
        for (var i = 0; i < 3000; i++)
        {
            byte[] payload;
            if (i % 2 == 0)
            {
                payload = new byte[random.Next(0, 80)];
                random.NextBytes(payload);
            }
            else
            {
                payload = (byte[])valid.Clone();
                payload[random.Next(payload.Length)] = (byte)random.Next(256);
            }

            var before = samples.Count + errors.Count;
            mapper.Map("x", payload, Received, samples, errors);

            // every payload gives a sample or a reported problem
            Assert.True(samples.Count + errors.Count > before, $"payload {Convert.ToHexString(payload)} gave nothing");
        }
    }
}
