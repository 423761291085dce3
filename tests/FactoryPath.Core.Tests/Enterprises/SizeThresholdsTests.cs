using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Enterprises.Data;

namespace FactoryPath.Core.Tests.Enterprises;

public class SizeThresholdsTests
{
    [Theory]
    [InlineData(SizeClass.Large, 1000, 400_000_000)]
    [InlineData(SizeClass.Medium, 300, 20_000_000)]
    [InlineData(SizeClass.Small, 20, 3_000_000)]
    public void Industrial_ShippedData_MatchesRegulation300(SizeClass sizeClass, int employees, long revenue)
    {
        var threshold = SizeThresholds.Industrial.For(sizeClass);

        Assert.NotNull(threshold);
        Assert.Equal(employees, threshold.MinEmployees);
        Assert.Equal(revenue, threshold.MinAnnualRevenueCny);
    }

    [Fact]
    public void Industrial_ShippedData_CitesItsSourceAndHasNoMicroThreshold()
    {
        Assert.Contains("工信部联企业〔2011〕300号", SizeThresholds.Industrial.Source);
        Assert.Null(SizeThresholds.Industrial.For(SizeClass.Micro));
    }

    [Fact]
    public void Parse_ClassesInAnyOrder_AreTriedLargestFirst()
    {
        var sectors = SizeThresholdsLoader.Parse("""
            sectors:
              - id: s
                classes:
                  - { class: small, minEmployees: 1, minAnnualRevenueCny: 1 }
                  - { class: large, minEmployees: 3, minAnnualRevenueCny: 3 }
                  - { class: medium, minEmployees: 2, minAnnualRevenueCny: 2 }
            """);

        Assert.Equal(new[] { SizeClass.Large, SizeClass.Medium, SizeClass.Small }, sectors.Single().Classes.Select(c => c.Class));
    }

    [Theory]
    [InlineData("sectors: []")]
    [InlineData("sectors: [{ id: s, classes: [{ class: large, minEmployees: 3, minAnnualRevenueCny: 3 }, { class: medium, minEmployees: 2, minAnnualRevenueCny: 2 }] }]")]
    [InlineData("sectors: [{ id: s, classes: [{ class: large, minEmployees: 3, minAnnualRevenueCny: 3 }, { class: medium, minEmployees: 2, minAnnualRevenueCny: 2 }, { class: huge, minEmployees: 1, minAnnualRevenueCny: 1 }] }]")]
    [InlineData("sectors: [{ id: s, classes: [{ class: large, minEmployees: 1, minAnnualRevenueCny: 3 }, { class: medium, minEmployees: 2, minAnnualRevenueCny: 2 }, { class: small, minEmployees: 1, minAnnualRevenueCny: 1 }] }]")]
    [InlineData("sectors: [{ id: s, classes: [{ class: large, minEmployees: 3, minAnnualRevenueCny: 3 }, { class: medium, minEmployees: 2 }, { class: small, minEmployees: 1, minAnnualRevenueCny: 1 }] }]")]
    [InlineData("sectors: [{ classes: [{ class: large, minEmployees: 3, minAnnualRevenueCny: 3 }, { class: medium, minEmployees: 2, minAnnualRevenueCny: 2 }, { class: small, minEmployees: 1, minAnnualRevenueCny: 1 }] }]")]
    public void Parse_InconsistentData_IsRejected(string yaml)
    {
        Assert.Throws<FormatException>(() => SizeThresholdsLoader.Parse(yaml));
    }
}
