using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>A goal of the demo roadmap, for other modules' demo data (the indicators of a goal).</summary>
public sealed record DemoGoal(Guid GoalId, string Title, Guid PartnershipId, Guid OwnerCouncilId);

/// <summary>
/// The BioSirk partnership's first roadmap, built from the seeds' themes (bioenergy and biochar, wood, textiles,
/// industrial symbiosis and side streams) with actions owned by each of the three councils, a first version put
/// forward for adoption with two decisions recorded, and some progress since. Runs once.
/// </summary>
public sealed class StrategyDemoSeeder(StrategyDbContext db, IPlatformDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<DemoGoal>> SeedAsync(CancellationToken ct = default)
    {
        var councils = (await directory.ListCouncilsAsync(ct)).ToDictionary(c => c.Slug);
        if (!councils.TryGetValue("ringerike", out var ringerike) || !councils.TryGetValue("hadeland", out var hadeland)
            || !councils.TryGetValue("gjovik", out var gjovik))
        {
            return [];
        }

        var partnership = (await directory.ListPartnershipsOfCouncilAsync(ringerike.Id, ct)).FirstOrDefault(p => p.Slug == "biosirk");
        if (partnership is null || await db.Roadmaps.IgnoreQueryFilters().AnyAsync(r => r.PartnershipId == partnership.Id, ct))
        {
            return [];
        }

        var people = (await directory.ListPeopleAsync(partnership.Councils.Select(c => c.Id), ct)).DistinctBy(p => p.UserId).ToDictionary(p => p.Email);
        PersonInfo? Person(string email) => people.GetValueOrDefault(email + "@demo.biosirk.no");

        var roadmap = new Roadmap(partnership.Id, ringerike.Id, "Felles veikart for fornybar energi og sirkulære ressurser 2026–2028",
            "Ringeriksregionen, Hadeland og Gjøvikregionen følger opp mulighetsstudien fra 2025 med en lettbent felles organisering som utnytter hver regions fortrinn.",
            new DateOnly(2026, 6, 1), new DateOnly(2028, 12, 31))
        {
            ReportingDates = [new(2026, 12, 1), new(2027, 3, 1), new(2027, 6, 1), new(2027, 9, 1), new(2027, 12, 1), new(2028, 6, 1), new(2028, 12, 1)],
        };
        var bio = roadmap.AddFocusArea("Bioenergi og biokull", "Mer lokal bioenergi og verdiskaping fra biokull, med Hadelands kompetanse og biokullfabrikken på Follum.");
        var bioGoal = bio.AddGoal("Økt bruk av lokal bioenergi", "Flere anlegg og kunder for lokal flis, pellets og biogass.");
        var charGoal = bio.AddGoal("Biokull fra lokale sidestrømmer", "Råstoff fra regionene til biokull, og bruk av biokull i landbruk og industri.");
        var wood = roadmap.AddFocusArea("Tre og massivtre", "Høyere verdi av skogressursene gjennom lokal foredling (Treklyngen, Splitkon, Omtre).");
        var woodGoal = wood.AddGoal("Mer lokal foredling av tre", "Massivtre og gjenbrukstre i offentlige bygg.");
        var textiles = roadmap.AddFocusArea("Tekstiler", "Sirkulære verdikjeder for tekstiler (Re:Tekstil, sorteringsanlegget i Krødsherad).");
        var textileGoal = textiles.AddGoal("Sirkulær tekstilverdikjede i regionene", "Innsamling, sortering og gjenbruk av tekstiler lokalt.");
        var symbiosis = roadmap.AddFocusArea("Industriell symbiose og sidestrømmer", "Kartlegge sidestrømmer og knytte bedrifter sammen, etter fasene i veilederen for industriell symbiose.");
        var mapGoal = symbiosis.AddGoal("Kartlagte sidestrømmer i alle tre regioner", "En felles oversikt over sidestrømmer som kan markedsføres til nye aktører.");
        var hubGoal = symbiosis.AddGoal("En symbiosehub i drift", "Et samlingspunkt som kobler bedrifter som kan bruke hverandres restressurser.");
        db.Roadmaps.Add(roadmap);

        var actions = new List<RoadmapAction>
        {
            Action(roadmap, bioGoal, hadeland.Id, "Kompetanseprogram bioenergi med BIOREG Hadeland", Person("sekretar.hadeland"), [gjovik.Id, ringerike.Id],
                new(2026, 8, 1), new(2027, 12, 31), DevelopmentPhase.SelectionAndMobilisation),
            Action(roadmap, charGoal, ringerike.Id, "Befaring og samarbeid med biokullfabrikken på Follum", Person("sekretar.ringerike"), [hadeland.Id, gjovik.Id],
                new(2026, 6, 1), new(2027, 6, 30), DevelopmentPhase.Mapping),
            Action(roadmap, charGoal, gjovik.Id, "Forsøk med biokull i landbruket", Person("medlem.biosirk"), [],
                new(2027, 3, 1), new(2028, 10, 31), DevelopmentPhase.Implementation),
            Action(roadmap, woodGoal, ringerike.Id, "Treklyngen: massivtre i offentlige bygg", Person("sekretar.ringerike"), [gjovik.Id],
                new(2026, 9, 1), new(2028, 6, 30), DevelopmentPhase.SelectionAndMobilisation),
            Action(roadmap, textileGoal, ringerike.Id, "Re:Tekstil – innsamling og sortering i Krødsherad", Person("sekretar.ringerike"), [hadeland.Id],
                new(2026, 10, 1), new(2028, 3, 31), DevelopmentPhase.Implementation),
            Action(roadmap, mapGoal, gjovik.Id, "Kartlegging av sidestrømmer i Gjøvikregionen", Person("sekretar.gjovik"), [hadeland.Id, ringerike.Id],
                new(2026, 6, 1), new(2027, 3, 31), DevelopmentPhase.Mapping),
            Action(roadmap, hubGoal, gjovik.Id, "Symbiosehub etter modell fra Innlandsporteføljen", Person("sekretar.gjovik"), [hadeland.Id],
                new(2027, 4, 1), new(2028, 12, 31), DevelopmentPhase.SelectionAndMobilisation),
            Action(roadmap, hubGoal, hadeland.Id, "Læringssamling om industriell symbiose", Person("sekretar.hadeland"), [ringerike.Id, gjovik.Id],
                new(2028, 6, 1), new(2028, 12, 31), DevelopmentPhase.Learning),
        };
        var frozenAt = new DateTime(2026, 4, 20, 10, 0, 0, DateTimeKind.Utc);
        foreach (var action in actions)
        {
            action.Begin(frozenAt);
        }

        db.Actions.AddRange(actions);
        await db.SaveChangesAsync(ct);

        var tree = new RoadmapTree(roadmap, actions);
        var version = new RoadmapVersion(roadmap.Id, partnership.Id, 1, "Forslag til fellesmøtet på Follum, mai 2026",
            RoadmapSnapshot.Of(tree, partnership.CouncilName).ToJson(), Person("sekretar.ringerike")?.FullName ?? "Ringeriksregionen", frozenAt, new DateOnly(2026, 6, 30));
        db.Versions.Add(version);
        var adopted = new AdoptionDecision(version.Id, roadmap.Id, partnership.Id, ringerike.Id);
        adopted.Record(AdoptionOutcome.Adopted, new DateOnly(2026, 5, 12), "SAK 14/26", null, "Jon Aasen", new DateTime(2026, 5, 13, 8, 0, 0, DateTimeKind.Utc));
        var withChanges = new AdoptionDecision(version.Id, roadmap.Id, partnership.Id, hadeland.Id);
        withChanges.Record(AdoptionOutcome.AdoptedWithChanges, new DateOnly(2026, 5, 20), "SAK 9/26",
            "Hadeland ber om at biogass (HRA IKS sitt anlegg på Jevnaker) tas inn under satsingsområdet bioenergi.", "Marte Grinaker",
            new DateTime(2026, 5, 21, 8, 0, 0, DateTimeKind.Utc));
        db.Decisions.AddRange(adopted, withChanges);

        // Progress since the version was frozen, so that the current roadmap differs from version 1.
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-40);
        actions[1].ReportProgress(ActionStatus.InProgress, ProgressJudgement.OnTrack, "Befaring gjennomført i mai; avtale om råstofftester er under arbeid.", "Jon Aasen", since);
        actions[5].ReportProgress(ActionStatus.InProgress, ProgressJudgement.AtRisk, "Få bedrifter har svart på kartleggingen; vi purrer og ringer rundt i desember.", "Anders Lunde", since);
        actions[0].ReportProgress(ActionStatus.InProgress, ProgressJudgement.OnTrack, "To samlinger holdt, tredje i januar.", "Marte Grinaker", since);
        actions[4].ReportProgress(ActionStatus.NotStarted, ProgressJudgement.Late, "Oppstart utsatt til sorteringsanlegget er i drift.", "Jon Aasen", since);
        var biogas = Action(roadmap, bioGoal, hadeland.Id, "Biogass fra HRA IKS på Jevnaker som drivstoff", Person("sekretar.hadeland"), [],
            new(2026, 9, 1), new(2027, 12, 31), DevelopmentPhase.Mapping);
        biogas.ReportProgress(ActionStatus.NotStarted, ProgressJudgement.OnTrack, null, "Marte Grinaker", since);
        db.Actions.Add(biogas);
        await db.SaveChangesAsync(ct);

        return
        [
            new DemoGoal(bioGoal.Id, bioGoal.Title, partnership.Id, hadeland.Id),
            new DemoGoal(mapGoal.Id, mapGoal.Title, partnership.Id, gjovik.Id),
        ];
    }

    private static RoadmapAction Action(Roadmap roadmap, Goal goal, Guid owner, string title, PersonInfo? responsible, Guid[] collaborators,
        DateOnly start, DateOnly end, DevelopmentPhase phase) =>
        new(roadmap.Id, goal.Id, roadmap.PartnershipId, owner)
        {
            Title = title,
            ResponsibleUserId = responsible?.UserId,
            ResponsibleName = responsible?.FullName,
            CollaboratingCouncilIds = [.. collaborators],
            Start = start,
            End = end,
            Phase = phase,
        };
}
