using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Tenancy;
using BioSirk.Portal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>Base of the pages of one meeting: the person acting, the meeting's body and its URL.</summary>
public abstract class MeetingPageModel(PortalContext portal) : PageModel
{
    public Meeting Meeting { get; protected set; } = null!;

    public MeetingActor Actor => ActorOf(portal, User);

    public bool CanManage => MeetingRules.CanManage(Meeting, Actor);

    public bool CanSeeAgenda => MeetingRules.CanSeeAgenda(Meeting, Actor);

    public string BasePath => $"{portal.Prefix}/moter/{Meeting.Id}";

    /// <summary>"Regionrådet for Hallingdal" or "BioSirk (partnerskap)" ("BioSirk (partnership)" in English).</summary>
    public string BodyName => BodyNameOf(portal, Meeting.PartnershipId, PageTexts.Of(HttpContext));

    protected PortalContext Portal => portal;

    public static MeetingActor ActorOf(PortalContext portal, System.Security.Claims.ClaimsPrincipal user) => new(
        CurrentUser.IdOf(user)!.Value,
        user.FindFirst(CurrentUser.FullNameClaim)?.Value ?? "",
        portal.CouncilId,
        portal.IsIn(CouncilRoles.Secretary));

    public static string BodyNameOf(PortalContext portal, Guid partnershipId, IStringLocalizer texts) =>
        partnershipId == Guid.Empty
            ? portal.Council?.Name ?? ""
            : texts["{0} (partnerskap)", portal.Partnerships.FirstOrDefault(p => p.Id == partnershipId)?.Name ?? texts["Partnerskapet"].Value].Value;


    public string CouncilName(Guid councilId) =>
        councilId == portal.CouncilId ? portal.Council!.Name
            : portal.Partnerships.SelectMany(p => p.Councils).FirstOrDefault(c => c.Id == councilId)?.Name ?? "";

    /// <summary>
    /// "tirsdag 10.03.2026 kl. 10:00–12:00" in Norwegian time; in English "Tuesday 10.03.2026 at 10:00–12:00" (the
    /// date and clock stay in the Norwegian format, as everywhere in the portal).
    /// </summary>
    public static string When(DateTime startUtc, DateTime endUtc)
    {
        var start = SharedKernel.Time.Oslo.ToOslo(startUtc);
        var end = SharedKernel.Time.Oslo.ToOslo(endUtc);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var days = english ? System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat : SharedKernel.Formatting.Norwegian.Culture.DateTimeFormat;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return $"{days.GetDayName(start.DayOfWeek)} {start.ToString("dd.MM.yyyy", invariant)} {(english ? "at" : "kl.")} " +
            $"{start.ToString("HH:mm", invariant)}–{end.ToString("HH:mm", invariant)}";
    }
}
