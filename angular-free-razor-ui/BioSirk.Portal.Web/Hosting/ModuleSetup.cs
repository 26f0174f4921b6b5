using BioSirk.Portal.Agreements;
using BioSirk.Portal.Indicators;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Meetings;
using BioSirk.Portal.Platform;
using BioSirk.Portal.Reporting;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.Strategy;

namespace BioSirk.Portal.Web.Hosting;

public static class ModuleSetup
{
    /// <summary>Every module of the portal, each with its one registration call.</summary>
    public static WebApplicationBuilder AddPortalModules(this WebApplicationBuilder builder)
    {
        var database = builder.Services.BuildDatabaseOptions();
        builder.Services.AddPlatform(builder.Configuration, database);
        builder.Services.AddAgreements(database);
        builder.Services.AddStrategy(database);

        // Pages that combine modules (a roadmap action links to the council's agreements).
        builder.Services.AddScoped<Pages.Council.Roadmap.LinkTargets>();
        builder.Services.AddIndicators(database);

        // An agreement's indicators are locked once its final report is approved; the Agreements module knows when.
        builder.Services.AddScoped<IFinalPlans, FinalAgreementPlans>();
        builder.Services.AddReporting(builder.Configuration, database);
        builder.Services.AddMeetings(database);

        // An agenda item links to roadmap actions and agreements; the host composes the choice, Meetings knows neither.
        builder.Services.AddScoped<Pages.Council.Meetings.AgendaLinkTargets>();

        // A roadmap action made from an agenda item, each linked to the other; and the way back from the action to the item.
        builder.Services.AddScoped<Pages.Council.Meetings.ActionFromItem>();
        builder.Services.AddScoped<Pages.Council.Roadmap.MeetingItemHrefs>();
        return builder;
    }

    private static DatabaseOptions BuildDatabaseOptions(this IServiceCollection services) =>
        (DatabaseOptions)services.Single(d => d.ServiceType == typeof(DatabaseOptions)).ImplementationInstance!;
}
