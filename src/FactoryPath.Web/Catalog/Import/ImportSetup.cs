namespace FactoryPath.Web.Catalog.Import;

public static class ImportSetup
{
    public static IServiceCollection AddPoolImport(this IServiceCollection services)
    {
        services.AddScoped<ProviderTable>();
        services.AddScoped<SolutionTable>();
        services.AddScoped<CaseTable>();
        services.AddScoped<ChainTable>();
        services.AddScoped<PoolImporter>();
        services.AddScoped<PoolExporter>();
        services.AddSingleton<ImportUploads>();
        return services;
    }
}
