using System.Net;
using BioSirk.Portal.Reporting.Data;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Tests.Reporting;

/// <summary>What the secretary and the county officer do on the final report pages, as form posts.</summary>
public static class FinalReportSteps
{
    public static readonly Dictionary<string, string> CompleteSections = new()
    {
        ["Input.Activities"] = "Tolv møter med bedrifter i Gol, Ål og Hemsedal.\n\nKartlegging av sidestrømmer i 14 bedrifter.",
        ["Input.Results"] = "Delmål 1: nettverket er etablert.\nDelmål 2: fire pilotprosjekter er i gang.",
        ["Input.Deviations"] = "Ingen avvik.",
        ["Input.UseOfFunds"] = "Timene gikk til mobilisering; møteleie er eneste direkte kostnad.",
        ["Input.FurtherWork"] = "Regionrådet viderefører nettverket i 2027 med egne midler.",
    };

    public static string CouncilUrl(Guid id) => $"/rad/hallingdal/avtaler/{id}/sluttrapport";

    public static string CountyUrl(Guid id) => $"/fylke/buskerud/avtaler/{id}/sluttrapport";

    /// <summary>Fills the sections (the complete ones, changed by <paramref name="changes"/>) and posts the form to one of its buttons' handlers.</summary>
    public static async Task<HttpResponseMessage> PostReportFormAsync(PortalClient client, Guid id, string handler, Dictionary<string, string>? changes = null)
    {
        var form = await client.FormValuesAsync(CouncilUrl(id), "form[data-testid=report-form]");
        foreach (var (key, value) in CompleteSections.Concat(changes ?? []))
        {
            form[key] = value;
        }

        return await client.PostFormAsync($"{CouncilUrl(id)}?handler={handler}", form);
    }

    /// <summary>A signed agreement whose secretary has clicked "Lag PDF": the PDF is queued, its job not run.</summary>
    public static async Task<(PortalClient Kari, PortalClient Sigrid, Guid Id, ReportPdf Pdf)> QueuedDraftPdfAsync(PortalFactory portal)
    {
        var (kari, sigrid, id) = await Agreements.AgreementSteps.SignedAgreementAsync(portal);
        await ExpectRedirectAsync(await PostReportFormAsync(kari, id, "Pdf"));
        return (kari, sigrid, id, Assert.Single(await PdfsAsync(portal, id)));
    }

    /// <summary>Delivers the report as the secretary does: the sections filled in, and "the report is ready" ticked.</summary>
    public static Task<HttpResponseMessage> SubmitReportAsync(PortalClient secretary, Guid id, Dictionary<string, string>? changes = null) =>
        PostReportFormAsync(secretary, id, "Submit", new Dictionary<string, string> { ["Input.ConfirmsDelivery"] = "true" }.Concat(changes ?? [])
            .ToDictionary(f => f.Key, f => f.Value));

    public static async Task<HttpResponseMessage> DecideAsync(PortalClient officer, Guid id, int version, string handler, Dictionary<string, string>? fields = null)
    {
        var form = await officer.FormValuesAsync(CountyUrl(id), "form[data-testid=decision-form]");
        if (handler == "Approve")
        {
            form["Decision.ConfirmsApproval"] = "true";
        }

        foreach (var (key, value) in fields ?? [])
        {
            form[key] = value;
        }

        return await officer.PostFormAsync($"{CountyUrl(id)}?handler={handler}&version={version}", form);
    }

    public static async Task ExpectRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await PortalClient.ReadAsync(response);
            throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}: {page.GetElementById("error-summary")?.TextContent}");
        }
    }

    /// <summary>Runs the PDF job for every PDF still queued, each in its council's scope, as the Hangfire worker would.</summary>
    public static Task<int> RunQueuedPdfJobsAsync(PortalFactory portal) => portal.WithScopeAsync(async sp =>
    {
        var queued = await sp.GetRequiredService<ReportingDbContext>().Pdfs.IgnoreQueryFilters()
            .Where(p => p.State == PdfState.Queued).Select(p => new { p.Id, p.TenantId }).ToListAsync();
        foreach (var pdf in queued)
        {
            await RunPdfJobAsync(portal, pdf.TenantId, pdf.Id, lastAttempt: false);
        }

        return queued.Count;
    });

    public static async Task RunPdfJobAsync(PortalFactory portal, Guid councilId, Guid pdfId, bool lastAttempt, CancellationToken ct = default)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(councilId)))
        {
            await scope.ServiceProvider.GetRequiredService<RenderReportPdf>().RunAsync(pdfId, lastAttempt, ct);
        }
    }

    public static Task<List<ReportPdf>> PdfsAsync(PortalFactory portal, Guid agreementId) => portal.WithScopeAsync(sp =>
        sp.GetRequiredService<ReportingDbContext>().Pdfs.IgnoreQueryFilters().AsNoTracking().Where(p => p.AgreementId == agreementId).OrderBy(p => p.Number).ToListAsync());
}
