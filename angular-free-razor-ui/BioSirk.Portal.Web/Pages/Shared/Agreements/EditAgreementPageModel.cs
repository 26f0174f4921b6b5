using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>
/// Edits the terms: a draft directly; a signed agreement through a proposed amendment (tillegg) with its reason, which
/// makes a new version when the other party accepts it. The concurrency stamp from the form catches a colleague's save in between.
/// </summary>
public abstract class EditAgreementPageModel(AgreementStore store, EditDraft editDraft, AmendAgreement amend) : PageModel
{
    [BindProperty]
    public TermsInput Input { get; set; } = new();

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Agreement Agreement { get; private set; } = null!;

    public bool IsAmendment => Agreement.IsLocked;

    public abstract string BasePath { get; }

    public abstract bool CanAct { get; }

    /// <summary>The party this page acts for: an amendment is proposed to the other.</summary>
    public abstract Party ActingParty { get; }

    /// <summary>The other party has proposed an amendment: it is answered on the agreement's page before a new one is made.</summary>
    public bool AwaitsOurAnswer => Agreement.PendingAmendment is { } pending && pending.By != ActingParty;

    /// <summary>This party's own proposal is still unanswered: the form shows it, and saving replaces it.</summary>
    public bool RevisesOurProposal => Agreement.PendingAmendment?.By == ActingParty;

    public string OtherPartyName => ActingParty == Party.County ? Agreement.CouncilName : Agreement.CountyName;

    public async Task<IActionResult> OnGetAsync(Guid agreementId)
    {
        if (await store.FindAsync(agreementId) is not { } agreement)
        {
            return NotFound();
        }

        if (!CanAct)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Agreement = agreement;
        Input = TermsInput.From(RevisesOurProposal ? AmendAgreement.ProposedTerms(agreement)! : agreement.ToTerms());
        Reason = RevisesOurProposal ? agreement.PendingAmendment!.Reason : null;
        ConcurrencyStamp = agreement.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid agreementId)
    {
        if (await store.FindAsync(agreementId) is not { } agreement)
        {
            return NotFound();
        }

        if (!CanAct)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Agreement = agreement;
        var parseErrors = new List<FieldError>();
        var terms = Input.ToTerms(parseErrors);
        var by = new Actor(CurrentUser.IdOf(User)!.Value, User.FindFirst(CurrentUser.FullNameClaim)!.Value);
        var hadSignature = !agreement.IsLocked && (agreement.CouncilSignature is not null || agreement.CountySignature is not null);
        Result? result = null;
        if (parseErrors.Count == 0)
        {
            result = agreement.IsLocked
                ? await amend.ProposeAsync(new AmendAgreementCommand(agreementId, terms, Reason, ConcurrencyStamp ?? "", by, ActingParty))
                : await editDraft.HandleAsync(new EditDraftCommand(agreementId, terms, ConcurrencyStamp ?? "", by, ActingParty));
        }

        if (result is { Succeeded: true })
        {
            TempData["Message"] = agreement.IsLocked ? this.Localized("Forslaget til tillegg er sendt til {0}. Det gjelder når de har godtatt det.", OtherPartyName)
                : hadSignature ? "Endringene i utkastet er lagret. Signaturen som var gitt, er trukket tilbake, fordi teksten er endret: utkastet må signeres på nytt."
                : "Endringene i utkastet er lagret.";
            return LocalRedirect($"{BasePath}/avtaler/{agreementId}");
        }

        if (result is { IsStale: true })
        {
            ConcurrencyStamp = await store.Db.CurrentStampAsync<Agreement>(agreementId);
            this.OfferOverwrite(this.Localized("denne avtalen"));
            Input.Pad();
            return Page();
        }

        var ruleErrors = result?.Errors ?? AgreementRules.Validate(terms);
        if (result is null && agreement.IsLocked && string.IsNullOrWhiteSpace(Reason))
        {
            ruleErrors = [.. ruleErrors, new FieldError("Reason", Agreement.ReasonMissing)]; // said with the figures it could not read
        }

        parseErrors.AddTo(ruleErrors.Where(e => e.Field != "Reason").ToList(), ModelState, "Input");
        foreach (var reasonError in ruleErrors.Where(e => e.Field == "Reason"))
        {
            ModelState.AddModelError(nameof(Reason), reasonError.Message);
        }

        Input.Pad();
        return Page();
    }
}
