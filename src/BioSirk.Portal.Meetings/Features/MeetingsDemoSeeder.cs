using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Meetings.Features;

/// <summary>The demo agreement that the council meeting's first item follows up, when the demo has one.</summary>
public sealed record DemoAgreementLink(Guid AgreementId, string Title);

/// <summary>
/// The demo's council meeting: the council meets on a Thursday one to two weeks ahead, with everyone invited and a
/// published agenda that follows up the Missions agreement, and one member has already commented on the first item.
/// Runs once per council (a council that has meetings is left alone). Call inside the council's scope.
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
        var details = new MeetingDetails($"Rådsmøte i {council.Name}", NextThursdayAfterAWeek(), new TimeOnly(10, 0), new TimeOnly(14, 0), "Gol rådhus, kommunestyresalen", null);
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

    private DateOnly NextThursdayAfterAWeek()
    {
        var date = Oslo.Today(clock).AddDays(7);
        while (date.DayOfWeek != DayOfWeek.Thursday)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
