namespace FactoryPath.Core.Demands;

/// <summary>The life of a transformation project that started from an accepted proposal.</summary>
public enum ProjectStatus
{
    Planned,
    InProgress,
    Completed,
    Cancelled,
}
