using static FactoryPath.Core.Tests.Catalog.ScenarioText;

namespace FactoryPath.Core.Tests.Catalog;

public class ScenarioLibraryTests
{
    // d needs c then b; both need a; e needs d.
    private static readonly string Diamond =
        Header + Scenario("a") + Scenario("b", "prerequisites: [a]") + Scenario("c", "prerequisites: [a]") +
        Scenario("d", "prerequisites: [c, b]") + Scenario("e", "prerequisites: [d]");

    [Theory]
    [InlineData("a", "")]
    [InlineData("b", "a")]
    [InlineData("d", "a c b")]
    [InlineData("e", "a c b d")]
    public void PrerequisitesInOrder_ListsEachPrerequisiteAfterItsOwn(string id, string expected)
    {
        var library = LoadValid(Diamond);

        Assert.Equal(expected, string.Join(' ', library.PrerequisitesInOrder(id).Select(s => s.Id)));
    }

    [Fact]
    public void PrerequisitesInOrder_UnknownId_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => LoadValid(Diamond).PrerequisitesInOrder("zz"));
    }

    [Fact]
    public void Find_UnknownId_IsNull()
    {
        Assert.Null(LoadValid(Diamond).Find("zz"));
    }

    [Fact]
    public void ScenariosOfLink_KeepsFileOrder()
    {
        var library = LoadValid(Diamond);

        Assert.Equal(["a", "b", "c", "d", "e"], library.ScenariosOfLink("l1").Select(s => s.Id));
        Assert.Empty(library.ScenariosOfLink("l2"));
    }

    [Fact]
    public void Improving_FindsScenariosByModelAndNode()
    {
        var library = LoadValid(Header + Scenario("a") + Scenario("b").Replace("[q1]", "[q2, other/q1]", StringComparison.Ordinal));

        Assert.Equal(["a"], library.Improving("m", "q1").Select(s => s.Id));
        Assert.Equal(["b"], library.Improving("other", "q1").Select(s => s.Id));
        Assert.Empty(library.Improving("m", "q3"));
    }
}
