using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Indicators;

/// <summary>
/// Results indicators of action plans (an agreement's, a roadmap goal's, a council's own): definition, measurements,
/// the status rule (<see cref="Domain.IndicatorStatusRule"/>), import, export and reporting reminders. Other modules
/// read indicators through <see cref="IIndicatorReader"/>.
/// </summary>
public static class IndicatorsModule
{
    public static IServiceCollection AddIndicators(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<IndicatorsDbContext, IndicatorsSqliteDbContext, IndicatorsPostgresDbContext>(database, IndicatorsDbContext.SchemaName);
        services.AddScoped<IndicatorStore>();
        services.AddScoped<IndicatorLock>(); // needs the host's IFinalPlans (the Agreements module knows which agreements are final)
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<IIndicatorReader>(sp => sp.GetRequiredService<IndicatorQueries>());
        services.AddScoped<DefineIndicator>();
        services.AddScoped<EditIndicator>();
        services.AddScoped<RegisterMeasurement>();
        services.AddScoped<DeleteMeasurement>();
        services.AddScoped<ImportMeasurements>();
        services.AddScoped<ExportMeasurements>();
        services.AddScoped<SendIndicatorReminders>();
        services.AddScoped<IndicatorsDemoSeeder>();
        return services;
    }
}
