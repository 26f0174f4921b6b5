using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Documents;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BioSirk.Portal.Meetings;

/// <summary>Meetings of a council or a partnership, with agendas (SAK n/yy), absence and conflict-of-interest declarations.</summary>
public static class MeetingsModule
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<MeetingsDbContext, MeetingsSqliteDbContext, MeetingsPostgresDbContext>(database, MeetingsDbContext.SchemaName);
        services.AddScoped<MeetingStore>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<ScheduleMeeting>();
        services.AddScoped<EditAgenda>();
        services.AddScoped<MeetingNotices>();
        services.AddScoped<CancelMeeting>();
        services.AddScoped<DeleteDraftMeeting>();
        services.AddScoped<RemoveAgendaItem>();
        services.AddScoped<RecordAttendance>();
        services.AddScoped<MeetingComments>();
        services.AddScoped<MeetingFloor>();
        services.AddScoped<ItemAttachments>();
        services.AddScoped<MeetingsDemoSeeder>();
        // The minutes print through SharedKernel.Pdf.IPdfRenderer, which the host registers (Reporting's warm Chromium),
        // and queue their job through IMinutesJobQueue (Hangfire in the host).
        services.AddScoped<MeetingMinutes>();
        services.AddScoped<MinutesDocumentRenderer>();
        services.AddScoped<RenderMinutesPdf>();
        services.TryAddSingleton<SharedKernel.Pdf.PrintAttempt>();
        return services;
    }
}
