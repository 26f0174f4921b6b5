using BioSirk.Portal.Reporting.Contracts;
using BioSirk.Portal.Reporting.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Reporting;

/// <summary>Final reports. For now only the PDF renderer: one warm Chromium shared by the whole process.</summary>
public static class ReportingModule
{
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        // A singleton: the browser process is the expensive part and is shared; the container disposes it (closing
        // Chromium) when the host stops.
        services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
        return services;
    }
}
