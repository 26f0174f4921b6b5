using System.Security.Claims;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.County.Agreements;

/// <summary>A county officer drafts an agreement with a council; the council's organisation number comes along.</summary>
public sealed class NewCountyAgreementModel(PortalContext portal, IPlatformDirectory directory, DraftAgreement draft, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TermsInput Input { get; set; } = new();

    [BindProperty]
    public Guid? CouncilId { get; set; }

    public IReadOnlyList<CouncilInfo> Councils { get; private set; } = [];

    public string CouncilName => Councils.FirstOrDefault(c => c.Id == CouncilId)?.Name ?? "regionrådet";

    /// <summary>
    /// The template filled in for one council (<paramref name="rad"/>, chosen above the form; at first the first of the
    /// county's own): its name in the texts, its organisation number and contact. The officer who drafts is the county's
    /// contact until she names another.
    /// </summary>
    public async Task OnGetAsync(Guid? rad)
    {
        Councils = await directory.ListCouncilsAsync();
        var council = Councils.FirstOrDefault(c => c.Id == rad) ?? Councils.FirstOrDefault(c => c.CountyId == portal.CountyId);
        CouncilId = council?.Id;
        var county = (await directory.ListCountiesAsync()).Single(c => c.Id == portal.CountyId);
        var officer = county.AsTemplateParty() with
        {
            ContactName = User.FindFirstValue(CurrentUser.FullNameClaim), ContactEmail = User.FindFirstValue(ClaimTypes.Email),
        };
        Input = TermsInput.From(MissionsTemplate.For(council?.AsTemplateParty() ?? new(CouncilName), officer, MissionsTemplate.YearOf(SharedKernel.Time.Oslo.Today(clock))));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Councils = await directory.ListCouncilsAsync();
        var council = Councils.FirstOrDefault(c => c.Id == CouncilId);
        if (council is null)
        {
            ModelState.AddModelError(nameof(CouncilId), "Velg regionrådet avtalen er med.");
        }

        var by = new Actor(CurrentUser.IdOf(User)!.Value, User.FindFirst(CurrentUser.FullNameClaim)!.Value);
        var id = await DraftForm.TryDraftAsync(ModelState, Input, draft, terms =>
            council is null ? null : new DraftAgreementCommand(council.Id, council.Name, portal.CountyId, portal.County!.Name, terms, by));
        if (id is null)
        {
            return Page();
        }

        TempData["Message"] = "Utkastet er lagret. Rådet ser det nå i sin avtaleliste.";
        return LocalRedirect($"{portal.Prefix}/avtaler/{id}");
    }
}
