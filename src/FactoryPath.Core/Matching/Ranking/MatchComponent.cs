namespace FactoryPath.Core.Matching.Ranking;

/// <summary>The parts a match score is made of; each is a value in [0, 1] with a weight from the weights file.</summary>
public enum MatchComponent
{
    Text,
    Scenarios,
    Roadmap,
    Industry,
    Budget,
    Size,
    Region,
    Deployment,
    Evidence,
    Standardised,
    BestSolution,
}
