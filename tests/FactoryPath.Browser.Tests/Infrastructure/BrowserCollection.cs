namespace FactoryPath.Browser.Tests.Infrastructure;

/// <summary>Tests marked <c>[Collection(BrowserCollection.Name)]</c> share one <see cref="BrowserFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
