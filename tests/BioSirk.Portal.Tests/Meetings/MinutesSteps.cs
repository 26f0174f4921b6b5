using AngleSharp.Html.Dom;
using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Meetings.MeetingSteps;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>What the secretary does on the protokoll page, and the minutes' job as the Hangfire worker runs it.</summary>
public static class MinutesSteps
{
    /// <summary>
    /// A Hallingdal meeting held on 24.02.2026 (the test clock stands at 02.03.2026), everyone of the council invited,
    /// with two items, published: SAK 1/26 "Budsjett 2027" and SAK 2/26 "Flisfyring i Ål". Returns the meeting's path.
    /// </summary>
    public static async Task<string> HeldMeetingAsync(PortalClient secretary)
    {
        var path = await CreateMeetingAsync(secretary, "hallingdal", "Rådsmøte februar", "2026-02-24", alreadyHeld: true);
        await AddItemAsync(secretary, path, "Budsjett 2027", "Budsjettet vedtas som foreslått.");
        await AddItemAsync(secretary, path, "Flisfyring i Ål", "Saken tas til orientering.");
        await PublishAsync(secretary, path);
        return path;
    }

    public static string MinutesPath(string meetingPath) => meetingPath + "/protokoll";

    public static IHtmlFormElement ResolutionForm(IHtmlDocument page, string caseLabel) =>
        (IHtmlFormElement)page.QuerySelectorAll("[data-testid=minutes-item]")
            .Single(li => li.QuerySelector("[data-testid=case-number]")!.TextContent.Trim() == caseLabel)
            .QuerySelector("form[data-testid=resolution-form]")!;

    /// <summary>
    /// Posts the item's resolution form as it stands on the page, with <paramref name="text"/> if given (else the
    /// prefilled text), and «Ingen vedtak» chosen when <paramref name="noResolution"/> (else the choice as it stands).
    /// </summary>
    public static async Task<HttpResponseMessage> SaveResolutionAsync(PortalClient secretary, string meetingPath, string caseLabel, string? text = null, bool? noResolution = null)
    {
        var page = await secretary.GetPageAsync(MinutesPath(meetingPath));
        var form = ResolutionForm(page, caseLabel);
        var values = form.Elements.Select(e => e switch
            {
                IHtmlInputElement { Type: "radio" } r when noResolution is { } none =>
                    r.Value == (none ? "ingen-vedtak" : "vedtak") ? new KeyValuePair<string, string>(r.Name!, r.Value) : default,
                IHtmlInputElement { Type: "radio", IsChecked: false } => default,
                IHtmlInputElement i => new KeyValuePair<string, string>(i.Name!, i.Value),
                IHtmlTextAreaElement a => new KeyValuePair<string, string>(a.Name!, text ?? a.Value),
                _ => default,
            })
            .Where(kv => kv.Key is not null).ToList();
        return await secretary.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }

    public static async Task<HttpResponseMessage> MakeMinutesAsync(PortalClient secretary, string meetingPath) =>
        await secretary.SubmitAsync(MinutesPath(meetingPath), "form[data-testid=minutes-pdf-form]", []);

    /// <summary>Runs the minutes job for every version still queued, each in its council's scope, as the Hangfire worker would.</summary>
    public static Task<int> RunQueuedMinutesJobsAsync(PortalFactory portal) => portal.WithScopeAsync(async sp =>
    {
        var queued = await sp.GetRequiredService<MeetingsDbContext>().MinutesPdfs.IgnoreQueryFilters()
            .Where(p => p.State == PdfState.Queued).Select(p => new { p.Id, p.TenantId }).ToListAsync();
        foreach (var pdf in queued)
        {
            await RunMinutesJobAsync(portal, pdf.TenantId, pdf.Id, lastAttempt: false);
        }

        return queued.Count;
    });

    public static async Task RunMinutesJobAsync(PortalFactory portal, Guid councilId, Guid minutesPdfId, bool lastAttempt)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(councilId)))
        {
            await scope.ServiceProvider.GetRequiredService<RenderMinutesPdf>().RunAsync(minutesPdfId, lastAttempt);
        }
    }

    public static Task<List<MinutesPdf>> MinutesPdfsAsync(PortalFactory portal) => portal.WithScopeAsync(sp =>
        sp.GetRequiredService<MeetingsDbContext>().MinutesPdfs.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Number).ToListAsync());

    public static async Task ExpectRedirectToAsync(HttpResponseMessage response, string pathStart)
    {
        await ExpectRedirectAsync(response);
        Assert.StartsWith(pathStart, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
