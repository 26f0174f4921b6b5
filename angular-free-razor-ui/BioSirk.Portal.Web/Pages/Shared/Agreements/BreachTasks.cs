using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>
/// What a standing breach notice asks of a party on its start page: the party it was given to must remedy by the
/// deadline (and, once it has passed, knows the agreement can be rescinded); the giver must decide once it has passed.
/// </summary>
public static class BreachTasks
{
    /// <returns>The task's text, or null when the notice asks nothing of <paramref name="viewer"/> yet.</returns>
    public static string? For(StandingBreachNotice standing, Party viewer, DateOnly today, IStringLocalizer t)
    {
        var notice = standing.Notice;
        var giver = notice.By == Party.County ? standing.CountyName : standing.CouncilName;
        var other = notice.By == Party.County ? standing.CouncilName : standing.CountyName;
        var deadline = Norwegian.Date(notice.RemedyDeadline);
        var passed = today > notice.RemedyDeadline;
        if (notice.By != viewer)
        {
            return passed
                ? t["Fristen {0} satte for å rette misligholdet av «{1}», gikk ut {2}: {0} kan nå heve avtalen.", giver, standing.AgreementTitle, deadline].Value
                : t["{0} har varslet mislighold av «{1}»: rett forholdet innen {2}.", giver, standing.AgreementTitle, deadline].Value;
        }

        return passed
            ? t["Fristen {0} fikk for å rette misligholdet av «{1}», gikk ut {2}: hev avtalen, eller trekk varselet om forholdet er rettet.", other, standing.AgreementTitle, deadline].Value
            : null;
    }
}
