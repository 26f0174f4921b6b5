using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Strategy.Domain;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>What a form (or later the API) gives for an action; field names match the form's inputs.</summary>
public sealed record ActionDraft(
    Guid? GoalId,
    string? Title,
    string? Description,
    Guid? ResponsibleUserId,
    IReadOnlyList<Guid> CollaboratingCouncilIds,
    DateOnly? Start,
    DateOnly? End,
    DevelopmentPhase? Phase);

/// <summary>
/// Creates an action owned by the actor's council, or changes one the actor's council owns. The goal must be in the
/// roadmap, collaborators must be other councils of the partnership, the responsible person must belong to one of them.
/// </summary>
public sealed class SaveRoadmapAction(RoadmapStore store, IPlatformDirectory directory, TimeProvider clock)
{
    /// <summary>The column's length (the module's default for text).</summary>
    public const int MaxDescriptionLength = 4000;

    public Task<Result<Guid>?> CreateAsync(Guid roadmapId, ActionDraft draft, RoadmapActor actor, CancellationToken ct = default) =>
        CreateAsync(roadmapId, draft, null, actor, ct);

    /// <summary>
    /// Creates an action that is linked from the start, in the same save (e.g. to the meeting item it was made from).
    /// The caller checks that the target exists and is visible, as for <see cref="LinkAction"/>.
    /// </summary>
    public Task<Result<Guid>?> CreateLinkedAsync(Guid roadmapId, ActionDraft draft, ActionLink link, RoadmapActor actor, CancellationToken ct = default) =>
        CreateAsync(roadmapId, draft, link, actor, ct);

    private async Task<Result<Guid>?> CreateAsync(Guid roadmapId, ActionDraft draft, ActionLink? link, RoadmapActor actor, CancellationToken ct)
    {
        if (await store.RoadmapAsync(roadmapId, ct) is not { } roadmap)
        {
            return null;
        }

        if (!RoadmapRules.CanContribute(actor))
        {
            return Result<Guid>.Fail("", "Bare rådets sekretariat kan legge til tiltak i veikartet.");
        }

        var action = new RoadmapAction(roadmap.Id, Guid.Empty, roadmap.PartnershipId, actor.CouncilId);
        var errors = await ApplyAsync(roadmap, action, draft, ct);
        if (errors.Count > 0)
        {
            return Result<Guid>.Fail(errors);
        }

        if (link is not null)
        {
            action.AddLink(link.Kind, link.TargetId, link.Label);
        }

        action.Begin(clock.GetUtcNow().UtcDateTime);
        store.Db.Actions.Add(action);
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? Result<Guid>.Ok(action.Id) : Result<Guid>.Fail(saved.Errors);
    }

    public async Task<Result?> UpdateAsync(Guid roadmapId, Guid actionId, ActionDraft draft, string? concurrencyStamp, RoadmapActor actor,
        CancellationToken ct = default)
    {
        var roadmap = await store.RoadmapAsync(roadmapId, ct);
        var action = roadmap is null ? null : await store.ActionAsync(roadmapId, actionId, ct);
        if (roadmap is null || action is null)
        {
            return null;
        }

        if (!RoadmapRules.CanEdit(action, actor))
        {
            return Result.Fail("", "Bare sekretariatet i rådet som eier tiltaket, kan endre det.");
        }

        store.ExpectStamp(action, concurrencyStamp);
        var errors = await ApplyAsync(roadmap, action, draft, ct);
        return errors.Count > 0 ? Result.Fail(errors) : await store.SaveAsync(ct);
    }

    private async Task<IReadOnlyList<FieldError>> ApplyAsync(Roadmap roadmap, RoadmapAction action, ActionDraft draft, CancellationToken ct)
    {
        var partnership = (await directory.ListPartnershipsOfCouncilAsync(action.OwnerCouncilId, ct)).FirstOrDefault(p => p.Id == roadmap.PartnershipId);
        var councils = partnership?.Councils.Select(c => c.Id).ToHashSet() ?? [];
        var people = await directory.ListPeopleAsync(councils, ct);
        var errors = new Errors()
            .When(draft.GoalId is null || roadmap.Goals.All(g => g.Id != draft.GoalId), "GoalId", "Velg målet tiltaket hører til.")
            .When(string.IsNullOrWhiteSpace(draft.Title), "Title", "Skriv hva tiltaket heter.")
            .When(draft.Title?.Trim().Length > 300, "Title", "Navnet kan være høyst 300 tegn.")
            .When(draft.Description?.Trim().Length > MaxDescriptionLength, "Description", "Beskrivelsen kan være høyst 4 000 tegn.")
            .When(draft.Start is null, "Start", "Skriv når tiltaket starter.")
            .When(draft.End is null, "End", "Skriv når tiltaket skal være ferdig.")
            .When(draft.Start is { } s && draft.End is { } e && e < s, "End", "Sluttdatoen må være samme dag som eller etter startdatoen.")
            .When(draft.Start is { } early && early < roadmap.PeriodStart, "Start",
                $"Tiltaket kan ikke starte før veikartets periode begynner ({Norwegian.Date(roadmap.PeriodStart)}–{Norwegian.Date(roadmap.PeriodEnd)}).")
            .When(draft.End is { } late && late > roadmap.PeriodEnd, "End",
                $"Tiltaket må være ferdig innen veikartets periode slutter ({Norwegian.Date(roadmap.PeriodStart)}–{Norwegian.Date(roadmap.PeriodEnd)}).")
            .When(draft.Phase is null || !Enum.IsDefined(draft.Phase.Value), "Phase", "Velg utviklingsfase (1–4).")
            .When(draft.CollaboratingCouncilIds.Any(c => !councils.Contains(c)), "CollaboratingCouncilIds", "Samarbeidende råd må være med i partnerskapet.")
            .When(draft.CollaboratingCouncilIds.Contains(action.OwnerCouncilId), "CollaboratingCouncilIds", "Rådet som eier tiltaket, kan ikke også være samarbeidspartner.")
            .When(draft.ResponsibleUserId is { } r && people.All(p => p.UserId != r), "ResponsibleUserId", "Den ansvarlige må være en person i et av rådene i partnerskapet.");
        if (errors.Any)
        {
            return errors.All;
        }

        if (action.Start != draft.Start || action.End != draft.End)
        {
            store.ActionDated(roadmap);
        }

        if (action.GoalId != draft.GoalId)
        {
            store.ActionPutUnder(roadmap.Goals.First(g => g.Id == draft.GoalId));
        }

        action.GoalId = draft.GoalId!.Value;
        action.Title = draft.Title!.Trim();
        action.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        action.Start = draft.Start!.Value;
        action.End = draft.End!.Value;
        action.Phase = draft.Phase!.Value;
        action.CollaboratingCouncilIds = [.. draft.CollaboratingCouncilIds.Distinct()];
        action.ResponsibleUserId = draft.ResponsibleUserId;
        action.ResponsibleName = people.FirstOrDefault(p => p.UserId == draft.ResponsibleUserId)?.FullName;
        return [];
    }
}

/// <summary>
/// The responsible person (or the owner's secretary) reports status and judgement; a risk or delay needs a comment, and
/// so does cancelling a joint action.
/// </summary>
public sealed class ReportProgress(RoadmapStore store, TimeProvider clock)
{
    public async Task<Result?> HandleAsync(Guid roadmapId, Guid actionId, ActionStatus? status, ProgressJudgement? judgement, string? comment,
        string? concurrencyStamp, RoadmapActor actor, CancellationToken ct = default)
    {
        if (await store.ActionAsync(roadmapId, actionId, ct) is not { } action)
        {
            return null;
        }

        if (!RoadmapRules.CanReportProgress(action, actor))
        {
            return Result.Fail("", "Bare den ansvarlige og sekretariatet i rådet som eier tiltaket, kan rapportere fremdrift.");
        }

        var errors = new Errors()
            .When(status is null || !Enum.IsDefined(status.Value), "Status", "Velg status.")
            .When(judgement is null || !Enum.IsDefined(judgement.Value), "Judgement", "Velg vurdering av fremdriften.")
            .When(judgement is ProgressJudgement.AtRisk or ProgressJudgement.Late && string.IsNullOrWhiteSpace(comment), "Comment",
                "Skriv en kommentar: hva er risikoen eller forsinkelsen, og hva gjøres med den?")
            .When(status is ActionStatus.Cancelled && action.Status is not ActionStatus.Cancelled && string.IsNullOrWhiteSpace(comment), "Comment",
                "Skriv en kommentar: hvorfor avlyses tiltaket? Partnerskapet skal kunne se det.")
            .When(comment?.Length > 2000, "Comment", "Kommentaren kan være høyst 2 000 tegn.");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        store.ExpectStamp(action, concurrencyStamp);
        action.ReportProgress(status!.Value, judgement!.Value, comment, actor.Name, clock.GetUtcNow().UtcDateTime);
        return await store.SaveAsync(ct);
    }
}

/// <summary>
/// Links an action to an agreement, an indicator or a meeting item. The caller (the web host, which sees every
/// module) checks that the target exists and is visible, and passes its title as the label.
/// </summary>
public sealed class LinkAction(RoadmapStore store)
{
    public async Task<Result?> AddAsync(Guid roadmapId, Guid actionId, ActionLinkKind kind, Guid targetId, string label, RoadmapActor actor,
        CancellationToken ct = default)
    {
        if (await store.ActionAsync(roadmapId, actionId, ct) is not { } action)
        {
            return null;
        }

        if (!RoadmapRules.CanEdit(action, actor))
        {
            return Result.Fail("", "Bare sekretariatet i rådet som eier tiltaket, kan endre koblingene.");
        }

        action.AddLink(kind, targetId, label);
        return await store.SaveAsync(ct);
    }

    public async Task<Result?> RemoveAsync(Guid roadmapId, Guid actionId, ActionLinkKind kind, Guid targetId, RoadmapActor actor, CancellationToken ct = default)
    {
        if (await store.ActionAsync(roadmapId, actionId, ct) is not { } action)
        {
            return null;
        }

        if (!RoadmapRules.CanEdit(action, actor))
        {
            return Result.Fail("", "Bare sekretariatet i rådet som eier tiltaket, kan endre koblingene.");
        }

        action.RemoveLink(kind, targetId);
        return await store.SaveAsync(ct);
    }
}
