using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.SharedKernel.Pdf;
using BioSirk.Portal.Reporting.Data;
using BioSirk.Portal.Reporting.Documents;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.Reporting.Pdf;
using BioSirk.Portal.SharedKernel.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BioSirk.Portal.Reporting;

/// <summary>
/// Final reports: written by the council, frozen and printed to PDF by a background job with one warm Chromium,
/// returned or approved by the county. The host provides <see cref="IReportJobQueue"/> (Hangfire) and
/// <see cref="IReportProgress"/> (SignalR).
/// </summary>
public static class ReportingModule
{
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddModuleDbContext<ReportingDbContext, ReportingSqliteDbContext, ReportingPostgresDbContext>(database, ReportingDbContext.SchemaName);
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        // A singleton: the browser process is the expensive part and is shared; the container disposes it (closing
        // Chromium) when the host stops.
        services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
        services.AddScoped<ReportDocumentRenderer>();
        services.AddScoped<FinalReportStore>();
        services.AddScoped<FinalReportQueries>();
        services.AddScoped<ReportContents>();
        services.AddScoped<ReportLinks>();
        services.AddScoped<ReportDrafts>();
        services.AddScoped<RequestReportPdf>();
        services.AddScoped<RenderReportPdf>();
        services.TryAddSingleton<SharedKernel.Pdf.PrintAttempt>();
        services.AddScoped<SubmitFinalReport>();
        services.AddScoped<DecideFinalReport>();
        services.AddScoped<Agreements.Contracts.IAgreementRescissionListener, WithdrawReportOnRescission>();
        services.AddScoped<RequeueStalePdfs>();
        return services;
    }
}
