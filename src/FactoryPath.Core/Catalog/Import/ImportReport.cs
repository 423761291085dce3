using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Catalog.Import;

/// <summary>What happened to an imported file.</summary>
public enum ImportOutcome
{
    /// <summary>The file could not be read as a table of this kind (type, encoding, header); nothing was written.</summary>
    InvalidFile,

    /// <summary>A dry run: the counts say what an import would do; nothing was written.</summary>
    Validated,

    /// <summary>Mode "all" met rows with errors, so nothing was written.</summary>
    Refused,

    /// <summary>The accepted rows were written in one transaction.</summary>
    Imported,
}

/// <summary>
/// The report of one import: how the file was read, every error by row and column, and how many rows were (or would
/// be) inserted, updated, left unchanged and rejected. <see cref="Errors"/> holds every error; callers page or cap it.
/// </summary>
public sealed record ImportReport(
    PoolKind Kind,
    ImportMode Mode,
    ImportOutcome Outcome,
    string Format,
    string? Encoding,
    int Rows,
    int ValidRows,
    int Inserted,
    int Updated,
    int Unchanged,
    int Rejected,
    IReadOnlyList<EnterpriseMessage> FileErrors,
    IReadOnlyList<ImportRowError> Errors)
{
    public bool Written => Outcome == ImportOutcome.Imported;

    public int RejectedRows => Rejected;

    public static ImportReport InvalidFile(PoolKind kind, ImportMode mode, string format, string? encoding, IReadOnlyList<EnterpriseMessage> errors) =>
        new(kind, mode, ImportOutcome.InvalidFile, format, encoding, 0, 0, 0, 0, 0, 0, errors, []);
}
