namespace FactoryPath.Web.Assessment;

/// <summary>
/// The result of a submitted answer sheet, frozen as JSON at submission so a later model revision never changes it.
/// Industry and province are copied from the profile at submission time for peer comparison.
/// </summary>
public sealed class StoredResult
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AnswerSheetId { get; set; }
    public Guid EnterpriseId { get; set; }
    public string ModelId { get; set; } = "";
    public string ModelVersion { get; set; } = "";
    /// <summary>Total score, as a double so the database can compare and order it.</summary>
    public double Score { get; set; }
    public int Level { get; set; }
    public string IndustryCode { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>True for the newest result of this enterprise under this model id.</summary>
    public bool IsLatest { get; set; }
    public DateTime SubmittedAt { get; set; } = DateTime.UtcNow;
    public string ResultJson { get; set; } = "{}";
}
