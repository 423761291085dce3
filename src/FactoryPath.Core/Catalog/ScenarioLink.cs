using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Catalog;

/// <summary>A link (环节) of the manufacturing value chain that groups typical scenarios; <paramref name="Order"/> is its place in the chain.</summary>
public sealed record ScenarioLink(string Id, LocalizedText Name, int Order);
