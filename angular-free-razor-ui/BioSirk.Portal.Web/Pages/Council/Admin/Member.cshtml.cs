using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Admin;

/// <summary>One member's roles and active state, saved with a concurrency check.</summary>
[RequireCouncilRole(CouncilRoles.TenantAdmin)]
public sealed class MemberModel(CouncilMembers members, ChangeMemberRoles changeRoles, Live.LiveFollows follows) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public MemberRow Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid memberId)
    {
        var member = await members.FindAsync(memberId);
        if (member is null)
        {
            return NotFound();
        }

        Member = member;
        Input = new MemberInput
        {
            Roles = Enum.GetValues<TenantRoles>().Where(r => r != TenantRoles.None && member.Roles.HasFlag(r)).Select(r => r.ToString()).ToList(),
            IsActive = member.IsActive,
            ConcurrencyStamp = member.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid memberId)
    {
        var member = await members.FindAsync(memberId);
        if (member is null)
        {
            return NotFound();
        }

        Member = member;
        var roles = Input.Roles.Aggregate(TenantRoles.None, (all, r) => Enum.TryParse<TenantRoles>(r, out var role) ? all | role : all);
        var result = await changeRoles.HandleAsync(
            new ChangeRolesCommand(memberId, roles, Input.IsActive, Input.ConcurrencyStamp ?? string.Empty, CurrentUser.IdOf(User)!.Value));
        if (result is null)
        {
            return NotFound();
        }

        if (result.IsStale)
        {
            Input.ConcurrencyStamp = (await members.FindAsync(memberId))?.ConcurrencyStamp;
            this.OfferOverwrite(this.Localized("rollene til {0}", member.FullName));
            return Page();
        }

        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Input");
            return Page();
        }

        await follows.RecheckAsync(member.UserId); // a page of hers left open stops receiving what she may no longer see
        TempData["Message"] = this.Localized("Endringene for {0} er lagret.", member.FullName);
        return LocalRedirect($"/rad/{RouteData.Values["tenant"]}/admin/medlemmer");
    }

    public sealed class MemberInput
    {
        public List<string> Roles { get; set; } = [];

        public bool IsActive { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
