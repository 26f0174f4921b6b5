using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Results;
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

    public async Task OnGetAsync()
    {
        var council = await Load();
        CountyId = council.CountyId ?? Counties.FirstOrDefault()?.Id;
        Input = TermsInput.From(MissionsTemplate.For(council.Name, council.OrganisationNumber, CountyName, SharedKernel.Time.Oslo.Today(clock).Year));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var council = await Load();
        var county = Counties.FirstOrDefault(c => c.Id == CountyId);
        var parseErrors = new List<FieldError>();
        var terms = Input.ToTerms(parseErrors);
        if (county is null)
        {
            ModelState.AddModelError(nameof(CountyId), "Velg fylkeskommunen som er oppdragsgiver.");
        }

        if (county is not null && parseErrors.Count == 0)
        {
            var by = new Actor(CurrentUser.IdOf(User)!.Value, User.FindFirst(CurrentUser.FullNameClaim)!.Value);
            var result = await draft.HandleAsync(new DraftAgreementCommand(council.Id, council.Name, county.Id, county.Name, terms, by));
            if (result.Succeeded)
            {
                TempData["Message"] = "Utkastet er lagret. Les det gjennom og signer når dere er klare.";
                return LocalRedirect($"{portal.Prefix}/avtaler/{result.Value}");
            }

            TermsErrors.Show(ModelState, parseErrors, result.Errors);
        }
        else
        {
            TermsErrors.Show(ModelState, parseErrors, BioSirk.Portal.Agreements.Domain.AgreementRules.Validate(terms));
        }

        Input.Pad();
        return Page();
    }

    private async Task<CouncilInfo> Load()
    {
        Counties = await directory.ListCountiesAsync();
        return (await directory.ListCouncilsAsync()).Single(c => c.Id == portal.CouncilId);
    }
}
