using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Reporting.Documents;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Pages.Shared.Reports;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.County.Reports;

/// <summary>The county's decision as the form posts it: a general comment and one per section.</summary>
public sealed class DecisionInput
{
    public string? Comment { get; set; }

    public string? SectionActivities { get; set; }

    public string? SectionResults { get; set; }

    public string? SectionDeviations { get; set; }

    public string? SectionUseOfFunds { get; set; }

    public string? SectionFurtherWork { get; set; }

    /// <summary>Ticked to approve: an approval is final and makes the settlement payable.</summary>
    public bool ConfirmsApproval { get; set; }

    public IReadOnlyDictionary<ReportSection, string?> SectionComments => new Dictionary<ReportSection, string?>
    {
        [ReportSection.Activities] = SectionActivities,
        [ReportSection.Results] = SectionResults,
        [ReportSection.Deviations] = SectionDeviations,
        [ReportSection.UseOfFunds] = SectionUseOfFunds,
        [ReportSection.FurtherWork] = SectionFurtherWork,
    };
}

/// <summary>
/// The county officer reads a submitted final report (the frozen version, as its PDF reads) and approves it or returns
/// it with comments on named sections. Older versions are read with ?versjon=n.
/// </summary>
public sealed class CountyFinalReportModel(PortalContext portal, FinalReportQueries queries, IFileStore files) : FinalReportPageModel(portal, queries, files)
{
    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    /// <summary>The version shown: the one waiting for a decision, the one asked for, or the latest.</summary>
    public SubmissionRow? Shown { get; private set; }

    public ReportContent? Document { get; private set; }

    /// <summary>The version shown waits for the county's decision, so the decision form is shown.</summary>
    public bool IsDecidable => Shown is { Decision: ReportDecision.Pending } && View.Stage == ReportStage.Submitted;

    /// <summary>
    /// What the officer wrote in a tab left open after the report was decided (by a colleague, or in another tab): the
    /// form is gone, so the page shows the texts to copy instead of dropping them.
    /// </summary>
    public IReadOnlyList<(string Label, string Text)> Unsent { get; private set; } = [];

    private void KeepUnsent() => Unsent =
    [
        .. new[] { ("Merknad til rådet", Decision.Comment) }
            .Concat(Decision.SectionComments.Select(c => (ReportRules.Title(c.Key), c.Value)))
            .Where(c => !string.IsNullOrWhiteSpace(c.Item2))
            .Select(c => (c.Item1, c.Item2!.Trim())),
    ];

    public async Task<IActionResult> OnGetAsync(Guid agreementId, int? versjon)
    {
        if (!await LoadVersionAsync(agreementId, versjon))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid agreementId, int version)
    {
        if (!Decision.ConfirmsApproval)
        {
            if (!await LoadVersionAsync(agreementId, null))
            {
                return NotFound();
            }

            ModelState.Clear();
            if (!IsDecidable)
            {
                ModelState.AddModelError("", "Det er ingen levert sluttrapport som venter på vurdering.");
                KeepUnsent();
                return Page();
            }

            ModelState.AddModelError("Decision.ConfirmsApproval", "Kryss av for at du har lest rapporten og vil godkjenne den. En godkjenning kan ikke angres.");
            return Page();
        }

        return await Act(agreementId, version, sp =>
            sp.GetRequiredService<DecideFinalReport>().ApproveAsync(new ApproveReportCommand(agreementId, version, Decision.Comment, Actor)),
            "Sluttrapporten er godkjent. Sluttoppgjøret kan nå utbetales (eller kreves tilbake) på avtalens side.");
    }

    public Task<IActionResult> OnPostReturnAsync(Guid agreementId, int version) => Act(agreementId, version, sp =>
        sp.GetRequiredService<DecideFinalReport>().ReturnAsync(new ReturnReportCommand(agreementId, version, Decision.Comment, Decision.SectionComments, Actor)),
        "Sluttrapporten er sendt tilbake til rådet med merknadene.");

    private async Task<IActionResult> Act(Guid agreementId, int version, Func<IServiceProvider, Task<Result?>> action, string done)
    {
        if (!await LoadVersionAsync(agreementId, null))
        {
            return NotFound();
        }

        ModelState.Clear();
        var result = await action(HttpContext.RequestServices);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Show(result, "Decision");
            await LoadVersionAsync(agreementId, null);
            if (!IsDecidable)
            {
                KeepUnsent();
            }

            return Page();
        }

        Message = done;
        return LocalRedirect($"{SelfUrl}#top");
    }

    private async Task<bool> LoadVersionAsync(Guid agreementId, int? version)
    {
        if (!await LoadAsync(agreementId))
        {
            return false;
        }

        Shown = version is { } v ? View.Submissions.FirstOrDefault(s => s.Version == v) : View.Pending ?? View.Submissions.FirstOrDefault();
        if (version is not null && Shown is null)
        {
            return false;
        }

        Document = Shown is null ? null : await Queries.SubmittedContentAsync(agreementId, Shown.Version);
        return true;
    }
}
