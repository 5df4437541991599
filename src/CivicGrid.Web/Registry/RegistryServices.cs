using CivicGrid.Web.Identity;
using CivicGrid.Web.Registry.Administration;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Import;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using CivicGrid.Web.Registry.Reports;
using Microsoft.AspNetCore.DataProtection;

namespace CivicGrid.Web.Registry;

public static class RegistryServices
{
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
        var keyFolder = Path.GetFullPath(options.KeyFolder, environment.ContentRootPath);

        // The same keys also protect sign-in cookies and antiforgery tokens, which now survive a restart.
        services.AddDataProtection()
            .SetApplicationName("CivicGrid")
            .PersistKeysToFileSystem(new DirectoryInfo(keyFolder));
        services.AddSingleton(new LookupKey(keyFolder));
        services.AddSingleton<PersonalData>();
        services.AddScoped<RegistryScope>();
        services.AddScoped<RegistryChanges>();
        services.AddScoped<HousingDesk>();
        services.AddScoped<BuildingRegistry>();
        services.AddScoped<PersonDesk>();
        services.AddScoped<PersonDetail>();
        services.AddScoped<CareTagAdmin>();
        services.AddScoped<AccessAudit>();
        services.AddScoped<GrantAdmin>();
        services.AddAuthorizationBuilder().AddPolicy(CareTagAdmin.Policy, policy => policy.RequireCaller(CareTagAdmin.IsFor));
        services.AddScoped<ChangeLines>();
        services.AddScoped<CareTagList>();
        services.AddScoped<RegistryDirectory>();

        // Excel in Chinese saves CSV ledgers as GBK; .NET reads it only with the code pages registered.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        services.AddSingleton<LedgerImports>();
        services.AddScoped<LedgerImport>();
        services.AddScoped<LedgerImportDesk>();
        services.AddSingleton<LedgerImportQueue>();
        services.AddHostedService<LedgerImportWorker>();
        services.AddScoped<ReportBuilder>();
        services.AddScoped<ReportTemplates>();
        return services;
    }
}
