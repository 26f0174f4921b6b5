using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Strategy.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Strategy;

/// <summary>The partnership's joint roadmap: focus areas, goals, actions, versions and each council's adoption.</summary>
public static class StrategyModule
{
    public static IServiceCollection AddStrategy(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<StrategyDbContext, StrategySqliteDbContext, StrategyPostgresDbContext>(database, StrategyDbContext.SchemaName);
        services.AddScoped<RoadmapStore>();
        services.AddScoped<RoadmapQueries>();
        services.AddScoped<SaveRoadmapAction>();
        services.AddScoped<ReportProgress>();
        services.AddScoped<LinkAction>();
        services.AddScoped<DeleteRoadmapAction>();
        services.AddScoped<ShapeRoadmap>();
        services.AddScoped<EditRoadmapPart>();
        services.AddScoped<RoadmapVersions>();
        services.AddScoped<SendRoadmapReminders>();
        services.AddScoped<StrategyDemoSeeder>();
        return services;
    }
}
