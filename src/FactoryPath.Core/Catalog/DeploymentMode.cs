namespace FactoryPath.Core.Catalog;

/// <summary>How a solution is delivered.</summary>
public enum DeploymentMode
{
    /// <summary>Software as a service, run by the provider (云服务).</summary>
    Saas,

    /// <summary>Installed at the enterprise (本地部署).</summary>
    OnPremises,

    /// <summary>Partly on site, partly in the cloud (混合部署).</summary>
    Hybrid,
}
