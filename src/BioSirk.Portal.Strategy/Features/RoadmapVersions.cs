using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Strategy.Features;

public sealed record DecisionDraft(AdoptionOutcome? Outcome, DateOnly? DecidedOn, string? CaseReference, string? Changes);

/// <summary>
/// Freezing a version (the coordinator puts the roadmap forward for adoption) and recording each council's decision.
/// </summary>
public sealed class RoadmapVersions(RoadmapStore store, RoadmapQueries queries, IPlatformDirectory directory, INotifier notifier, TimeProvider clock)
{
    public async Task<Result<Guid>?> FreezeAsync(Guid roadmapId, string? label, DateOnly? decisionWanted, RoadmapActor actor, string roadmapUrlPath,
        CancellationToken ct = default)
    {
        var tree = await queries.TreeAsync(roadmapId, ct);
        if (tree is null)
        {
            return null;
        }

        if (!RoadmapRules.CanCoordinate(tree.Roadmap, actor))
        {
            return Result<Guid>.Fail("", "Bare sekretariatet i rådet som koordinerer veikartet, kan fryse en versjon og legge den fram for vedtak.");
        }

        var today = SharedKernel.Time.Oslo.Today(clock);
        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(label), "Label", "Gi versjonen et navn, for eksempel «Forslag til fellesmøtet mai 2026».")
            .When(label?.Trim().Length > 200, "Label", "Navnet kan være høyst 200 tegn.")
            .When(decisionWanted is { } d && d < today, "DecisionWanted", "Fristen for vedtak kan ikke være passert.")
            .When(tree.Actions.Count == 0, "", "Veikartet har ingen tiltak ennå. Legg inn tiltak før du legger det fram for vedtak.");
        if (errors.Any)
        {
            return Result<Guid>.Fail(errors.All);
        }

        var partnership = (await directory.ListPartnershipsOfCouncilAsync(actor.CouncilId, ct)).First(p => p.Id == tree.Roadmap.PartnershipId);
        var snapshot = RoadmapSnapshot.Of(tree, partnership.CouncilName);
        var latest = await store.Db.Versions.AsNoTracking().Where(v => v.RoadmapId == roadmapId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var json = snapshot.ToJson();
        if (latest is not null && latest.SnapshotJson == json)
        {
            // A second tab, or a second click, would put the same roadmap forward twice and notify every council again.
            return Result<Guid>.Fail("", Unchanged(latest));
        }

        var version = new RoadmapVersion(roadmapId, tree.Roadmap.PartnershipId, (latest?.Number ?? 0) + 1, label!.Trim(), json, actor.Name,
            clock.GetUtcNow().UtcDateTime, decisionWanted);
        store.Db.Versions.Add(version);
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Frozen by another request in the same moment: its version has this number.
            var other = await NumberTakenAsync(roadmapId, version.Number, ct);
            if (other is null)
            {
                throw;
            }

            return Result<Guid>.Fail("", Unchanged(other));
        }

        foreach (var council in partnership.Councils)
        {
            await notifier.NotifyCouncilAsync(council.Id, CouncilRoles.Secretary, new NoticeMessage(
                $"Veikartet er lagt fram for vedtak: {tree.Roadmap.Title}",
                Phrase.Of("Versjon {0} «{1}» er frosset og lagt fram for vedtak i hvert råd. Registrer rådets vedtak når saken er behandlet.", version.Number, version.Label),
                $"/rad/{council.Slug}/{roadmapUrlPath}"), ct);
        }

        return Result<Guid>.Ok(version.Id);
    }

    private static string Unchanged(RoadmapVersion latest) =>
        $"Veikartet er ikke endret siden versjon {latest.Number} «{latest.Label}» ble lagt fram av {latest.FrozenByName}. Endre veikartet først hvis rådene skal få en ny versjon.";

    private async Task<RoadmapVersion?> NumberTakenAsync(Guid roadmapId, int number, CancellationToken ct)
    {
        store.Db.ChangeTracker.Clear();
        return await store.Db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.RoadmapId == roadmapId && v.Number == number, ct);
    }

    /// <summary>The column's length (the module's default for text).</summary>
    public const int MaxChanges = 4000;

    public async Task<Result?> RecordDecisionAsync(Guid roadmapId, Guid versionId, DecisionDraft draft, string? stamp, RoadmapActor actor,
        CancellationToken ct = default)
    {
        var version = await store.Db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.RoadmapId == roadmapId && v.Id == versionId, ct);
        if (version is null)
        {
            return null;
        }

        if (!RoadmapRules.CanContribute(actor))
        {
            return Result.Fail("", "Bare rådets sekretariat kan registrere rådets vedtak.");
        }

        var today = SharedKernel.Time.Oslo.Today(clock);
        var putForward = DateOnly.FromDateTime(SharedKernel.Time.Oslo.ToOslo(version.FrozenAtUtc));
        var errors = new Errors()
            .When(draft.Outcome is null || !Enum.IsDefined(draft.Outcome.Value), "Outcome", "Velg hva rådet vedtok.")
            .When(draft.DecidedOn is null, "DecidedOn", "Skriv datoen for vedtaket.")
            .When(draft.DecidedOn > today, "DecidedOn", "Vedtaksdatoen kan ikke være fram i tid.")
            .When(draft.DecidedOn is { } on && on < putForward, "DecidedOn", $"Vedtaket kan ikke være gjort før versjonen ble lagt fram ({Norwegian.Date(putForward)}).")
            .When(string.IsNullOrWhiteSpace(draft.CaseReference), "CaseReference", "Skriv saksnummeret, for eksempel «SAK 12/26».")
            .When(draft.CaseReference?.Trim().Length > 50, "CaseReference", "Saksnummeret kan være høyst 50 tegn.")
            .When(draft.Outcome == AdoptionOutcome.AdoptedWithChanges && string.IsNullOrWhiteSpace(draft.Changes), "Changes",
                "Skriv hvilke endringer rådet vedtok.")
            .WhenLongerThan(draft.Outcome == AdoptionOutcome.AdoptedWithChanges ? draft.Changes : null, MaxChanges, "Changes", "Endringene");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        var decision = await store.Db.Decisions.FirstOrDefaultAsync(d => d.VersionId == versionId && d.CouncilId == actor.CouncilId, ct);
        var first = decision is null;
        if (decision is null)
        {
            decision = new AdoptionDecision(versionId, roadmapId, version.PartnershipId, actor.CouncilId);
            store.Db.Decisions.Add(decision);
        }
        else
        {
            store.ExpectStamp(decision, stamp);
        }

        decision.Record(draft.Outcome!.Value, draft.DecidedOn!.Value, draft.CaseReference!.Trim(), draft.Changes?.Trim(), actor.Name,
            clock.GetUtcNow().UtcDateTime);
        if (!first)
        {
            return await store.SaveAsync(ct);
        }

        try
        {
            await store.Db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateException)
        {
            // The council's first decision on the version, recorded from another tab in the same moment (the unique key):
            // this one is stale, as when it comes a moment later, and its writer may save hers over it.
            if (!await DecidedAsync(versionId, actor.CouncilId, ct))
            {
                throw;
            }

            return Result.Stale("", RoadmapStore.ConflictMessage);
        }
    }

    private async Task<bool> DecidedAsync(Guid versionId, Guid councilId, CancellationToken ct)
    {
        store.Db.ChangeTracker.Clear();
        return await store.Db.Decisions.AsNoTracking().AnyAsync(d => d.VersionId == versionId && d.CouncilId == councilId, ct);
    }
}
