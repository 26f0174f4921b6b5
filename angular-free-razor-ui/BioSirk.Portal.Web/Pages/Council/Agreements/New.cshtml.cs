using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Pages.Shared.Agreements;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Agreements;

/// <summary>A secretary drafts an agreement from the Missions template, with her council's county as funder.</summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class NewCouncilAgreementModel(PortalContext portal, IPlatformDirectory directory, DraftAgreement draft, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TermsInput Input { get; set; } = new();

    [BindProperty]
    public Guid? CountyId { get; set; }

    public IReadOnlyList<CountyInfo> Counties { get; private set; } = [];

    public string CountyName => Counties.FirstOrDefault(c => c.Id == CountyId)?.Name ?? "fylkeskommunen";

    /// <summary>
    /// The template filled in for one county (<paramref name="fylke"/>, chosen above the form; at first the council's
    /// own), with the contact persons that the council and the county keep in the portal.
    /// </summary>
    public async Task OnGetAsync(Guid? fylke)
    {
        var council = await Load();
        var county = Counties.FirstOrDefault(c => c.Id == fylke) ?? Counties.FirstOrDefault(c => c.Id == council.CountyId) ?? Counties.FirstOrDefault();
        CountyId = county?.Id;
        Input = TermsInput.From(MissionsTemplate.For(council.AsTemplateParty(), county?.AsTemplateParty() ?? new(CountyName), MissionsTemplate.YearOf(SharedKernel.Time.Oslo.Today(clock))));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var council = await Load();
        var county = Counties.FirstOrDefault(c => c.Id == CountyId);
        if (county is null)
        {
            ModelState.AddModelError(nameof(CountyId), "Velg fylkeskommunen som er oppdragsgiver.");
        }

        var by = new Actor(CurrentUser.IdOf(User)!.Value, User.FindFirst(CurrentUser.FullNameClaim)!.Value);
        var id = await DraftForm.TryDraftAsync(ModelState, Input, draft, terms =>
            county is null ? null : new DraftAgreementCommand(council.Id, council.Name, county.Id, county.Name, terms, by));
        if (id is null)
        {
            return Page();
        }

        TempData["Message"] = "Utkastet er lagret. Les det gjennom og signer når dere er klare.";
        return LocalRedirect($"{portal.Prefix}/avtaler/{id}");
    }

    private async Task<CouncilInfo> Load()
    {
        Counties = await directory.ListCountiesAsync();
        return (await directory.ListCouncilsAsync()).Single(c => c.Id == portal.CouncilId);
    }
}
