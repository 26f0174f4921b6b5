using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>The demo agreement that the council meeting's first item follows up, when the demo has one.</summary>
public sealed record DemoAgreementLink(Guid AgreementId, string Title);

/// <summary>
/// The demo's meetings, each with a published agenda and a first comment by a member:
/// <list type="bullet">
/// <item>a council meeting on a Thursday one to two weeks ahead, everyone invited, that follows up the Missions agreement;</item>
/// <item>a partnership's steering group meeting online on a Tuesday two to three weeks ahead, about the joint roadmap.</item>
/// </list>
/// Each runs once (a council, or a partnership, that has meetings is left alone). Call inside the organising council's scope.
/// </summary>
public sealed class MeetingsDemoSeeder(
    MeetingsDbContext db, ScheduleMeeting schedule, EditAgenda agenda, MeetingComments comments, IPlatformDirectory directory, TimeProvider clock)
{
    public async Task SeedAsync(CouncilInfo council, DemoAgreementLink? agreement, CancellationToken ct = default)
    {
        var people = await directory.ListPeopleAsync([council.Id], ct);
        var secretary = people.FirstOrDefault(p => (p.Roles & CouncilRoles.Secretary) != 0);
        var member = people.FirstOrDefault(p => p.Roles == CouncilRoles.Member);
        if (secretary is null || await db.Meetings.AnyAsync(ct))
        {
            return;
        }

        var by = new MeetingActor(secretary.UserId, secretary.FullName, council.Id, IsSecretary: true);
        var details = new MeetingDetails($"Rådsmøte i {council.Name}", Next(DayOfWeek.Thursday, afterDays: 7), new TimeOnly(10, 0), new TimeOnly(14, 0), "Gol rådhus, kommunestyresalen", null);
        var meetingId = (await schedule.CreateAsync(new ScheduleMeetingCommand(null, details, [.. people.Select(p => p.UserId)], by), ct)).Value;

        var year = Oslo.Today(clock).Year;
        IReadOnlyList<ChosenLink> links = agreement is null ? [] : [new ChosenLink(AgendaLinkKind.Agreement, agreement.AgreementId, agreement.Title)];
        var statusItemId = (await agenda.AddItemAsync(meetingId, new AgendaItemText(
            "Status for missionssatsingen med Buskerud fylkeskommune",
            $"Avtalen gjelder 15.01.{year}–31.12.{year}, med en ramme på inntil kr 150 000 eks. mva. Aktivitetene skal være ferdige 30.11.{year}, " +
            $"og sluttrapporten med oppdaterte resultatindikatorer skal leveres innen 31.12.{year}.",
            "Sekretariatet har registrert timene fortløpende. Det som gjenstår, er å samle dokumentasjonen av aktivitetene og skrive sluttrapporten.",
            "Regionrådet tar statusen for missionssatsingen til orientering.",
            null), links, by, ct))!.Value;
        await agenda.AddItemAsync(meetingId, new AgendaItemText(
            "Sluttrapport og forslag til videre oppfølging",
            "Ifølge avtalen skal sluttrapporten inneholde et forslag til hvordan samarbeidsarenaen for sirkulær grønn nærings- og industriutvikling følges opp.",
            "Arbeidsgruppen bør få si sin mening om forslaget før sluttrapporten leveres.",
            $"Sekretariatet legger fram et utkast til sluttrapport for arbeidsgruppen innen 15.12.{year}.",
            null), [], by, ct);
        await agenda.AddItemAsync(meetingId, new AgendaItemText("Eventuelt", null, null, null, null), [], by, ct);
        await agenda.PublishAsync(meetingId, by, ct);

        if (member is not null)
        {
            await comments.PostAsync(meetingId, statusItemId, "Kan sekretariatet vise hvor mange timer som er brukt på hver aktivitet før vi behandler saken?",
                new MeetingActor(member.UserId, member.FullName, council.Id, IsSecretary: false), "CommentText", ct);
        }
    }

    public async Task SeedPartnershipMeetingAsync(CouncilInfo organiser, CancellationToken ct = default)
    {
        var partnership = (await directory.ListPartnershipsOfCouncilAsync(organiser.Id, ct)).FirstOrDefault();
        var secretary = (await directory.ListPeopleAsync([organiser.Id], ct)).FirstOrDefault(p => (p.Roles & CouncilRoles.Secretary) != 0);
        if (partnership is null || secretary is null || await db.Meetings.AnyAsync(m => m.PartnershipId == partnership.Id, ct))
        {
            return;
        }

        var by = new MeetingActor(secretary.UserId, secretary.FullName, organiser.Id, IsSecretary: true);
        var details = new MeetingDetails($"Styringsgruppemøte i {partnership.Name}", Next(DayOfWeek.Tuesday, afterDays: 14), new TimeOnly(13, 0), new TimeOnly(15, 0),
            null, "https://teams.example.no/biosirk-styringsgruppe");
        var meetingId = (await schedule.CreateAsync(new ScheduleMeetingCommand(partnership.Id, details, [], by), ct)).Value;

        var roadmapItemId = (await agenda.AddItemAsync(meetingId, new AgendaItemText(
            "Felles veikart: første fremdriftsrapportering",
            "Hvert råd rapporterer fremdrift på tiltakene det har ansvar for i det felles veikartet, til rapporteringsdatoene som veikartet setter.",
            "Rapportene viser hvor tiltakene står, og hvor rådene trenger hjelp fra hverandre eller fra fylkeskommunene.",
            "Styringsgruppen tar fremdriftsrapporteringen til orientering og ber sekretariatene følge opp tiltak som er forsinket.",
            null), [], by, ct))!.Value;
        await agenda.AddItemAsync(meetingId, new AgendaItemText(
            "Sidestrømmer og industriell symbiose: neste steg",
            "Rådene kartlegger sidestrømmer hos bedrifter i regionene, som grunnlag for samarbeid om blant annet biokull.",
            null,
            "Sekretariatene legger fram et forslag til hvordan kartleggingen følges opp, til neste møte.",
            null), [], by, ct);
        await agenda.AddItemAsync(meetingId, new AgendaItemText("Eventuelt", null, null, null, null), [], by, ct);
        await agenda.PublishAsync(meetingId, by, ct);

        var councils = partnership.Councils.Select(c => c.Id).ToList();
        var member = (await directory.ListPeopleAsync(councils, ct)).FirstOrDefault(p => p.Roles == CouncilRoles.Member);
        if (member is not null)
        {
            await comments.PostAsync(meetingId, roadmapItemId, "Kan vi få en kort oversikt over hvilke tiltak som er forsinket, før møtet?",
                new MeetingActor(member.UserId, member.FullName, member.CouncilId, IsSecretary: false), "CommentText", ct);
        }
    }

    /// <summary>The first <paramref name="day"/> at least <paramref name="afterDays"/> days from today.</summary>
    private DateOnly Next(DayOfWeek day, int afterDays)
    {
        var date = Oslo.Today(clock).AddDays(afterDays);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
