using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Strategy.Features;

public sealed record RoadmapDraft(string? Title, string? Description, DateOnly? PeriodStart, DateOnly? PeriodEnd, string? ReportingDates);

/// <summary>
/// Starts a partnership's roadmap (the starting council coordinates) and shapes it: period, reporting dates, focus
/// areas and goals. Only the coordinating council's secretaries shape it.
/// </summary>
public sealed class ShapeRoadmap(RoadmapStore store, IPlatformDirectory directory)
{
    private const string AlreadyStarted = "Partnerskapet har allerede et veikart: et partnerskap har ett felles veikart. Åpne det under Veikart.";

    private const string ChooseArea = "Velg satsingsområdet målet hører til.";

    internal const string NotCoordinator = "Bare sekretariatet i rådet som koordinerer veikartet, kan endre satsingsområder, mål og rapporteringsdatoer.";

    /// <summary>As an action's description: room for a paragraph or three, not a pasted document.</summary>
    internal const int MaxDescription = 4_000;

    public async Task<Result<Guid>> CreateAsync(Guid partnershipId, RoadmapDraft draft, RoadmapActor actor, CancellationToken ct = default)
    {
        var partnerships = await directory.ListPartnershipsOfCouncilAsync(actor.CouncilId, ct);
        var chosen = partnershipId != Guid.Empty;
        if (!RoadmapRules.CanContribute(actor) || (chosen && partnerships.All(p => p.Id != partnershipId)))
        {
            return Result<Guid>.Fail("", "Bare sekretariatet i et råd i partnerskapet kan starte et veikart.");
        }

        var (errors, dates) = Check(draft);
        errors.When(!chosen, "PartnershipId", "Velg partnerskapet veikartet er for.");
        errors.When(chosen && await HasRoadmapAsync(partnershipId, ct), "PartnershipId", AlreadyStarted);
        if (errors.Any)
        {
            return Result<Guid>.Fail(errors.All);
        }

        var roadmap = new Roadmap(partnershipId, actor.CouncilId, draft.Title!.Trim(), Clean(draft.Description), draft.PeriodStart!.Value, draft.PeriodEnd!.Value)
        {
            ReportingDates = dates,
        };
        store.Db.Roadmaps.Add(roadmap);
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Started by another council's secretary in the same moment (the unique key on the partnership): hers is the roadmap.
            store.Db.ChangeTracker.Clear();
            if (!await HasRoadmapAsync(partnershipId, ct))
            {
                throw;
            }

            return Result<Guid>.Fail("PartnershipId", AlreadyStarted);
        }

        return Result<Guid>.Ok(roadmap.Id);
    }

    private Task<bool> HasRoadmapAsync(Guid partnershipId, CancellationToken ct) =>
        store.Db.Roadmaps.IgnoreQueryFilters().AnyAsync(r => r.PartnershipId == partnershipId, ct);

    public async Task<Result?> UpdateAsync(Guid roadmapId, RoadmapDraft draft, string? stamp, RoadmapActor actor, CancellationToken ct = default)
    {
        if (await store.RoadmapAsync(roadmapId, ct) is not { } roadmap)
        {
            return null;
        }

        if (!RoadmapRules.CanCoordinate(roadmap, actor))
        {
            return Result.Fail("", NotCoordinator);
        }

        var (errors, dates) = Check(draft);
        if (!errors.Any && await ActionsOutsideAsync(roadmapId, draft.PeriodStart!.Value, draft.PeriodEnd!.Value, ct) is { Count: > 0 } outside)
        {
            var first = outside[0];
            errors.Add(first.Start < draft.PeriodStart ? "PeriodStart" : "PeriodEnd", outside.Count == 1
                ? $"Tiltaket «{first.Title}» ({Norwegian.Date(first.Start)}–{Norwegian.Date(first.End)}) ligger utenfor den nye perioden. "
                  + "Flytt tiltaket først, eller velg en periode som rommer det."
                : $"{outside.Count} tiltak ligger utenfor den nye perioden, blant dem «{first.Title}» "
                  + $"({Norwegian.Date(first.Start)}–{Norwegian.Date(first.End)}). Flytt tiltakene først, eller velg en periode som rommer dem.");
        }

        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        store.ExpectStamp(roadmap, stamp);
        roadmap.Title = draft.Title!.Trim();
        roadmap.Description = Clean(draft.Description);
        roadmap.PeriodStart = draft.PeriodStart!.Value;
        roadmap.PeriodEnd = draft.PeriodEnd!.Value;
        roadmap.ReportingDates = dates;
        return await store.SaveAsync(ct);
    }

    public async Task<Result?> AddFocusAreaAsync(Guid roadmapId, string? title, string? description, RoadmapActor actor, CancellationToken ct = default)
    {
        if (await store.RoadmapAsync(roadmapId, ct) is not { } roadmap)
        {
            return null;
        }

        if (!RoadmapRules.CanCoordinate(roadmap, actor))
        {
            return Result.Fail("", NotCoordinator);
        }

        var areaErrors = new Errors().When(TitleError(title) is not null, "AreaTitle", TitleError(title) ?? "")
            .WhenLongerThan(description, MaxDescription, "AreaDescription", "Beskrivelsen");
        if (areaErrors.Any)
        {
            return Result.Fail(areaErrors.All);
        }

        store.Db.FocusAreas.Add(roadmap.AddFocusArea(title!.Trim(), Clean(description)));
        store.NumberedPartAdded(roadmap);
        return await store.SaveAsync(ct);
    }

    public async Task<Result?> AddGoalAsync(Guid roadmapId, Guid? focusAreaId, string? title, string? description, RoadmapActor actor,
        CancellationToken ct = default)
    {
        if (await store.RoadmapAsync(roadmapId, ct) is not { } roadmap)
        {
            return null;
        }

        if (!RoadmapRules.CanCoordinate(roadmap, actor))
        {
            return Result.Fail("", NotCoordinator);
        }

        var area = roadmap.FocusAreas.FirstOrDefault(f => f.Id == focusAreaId);
        var titleError = TitleError(title);
        var errors = new Errors()
            .When(area is null, "FocusAreaId", ChooseArea)
            .When(titleError is not null, "GoalTitle", titleError ?? "")
            .WhenLongerThan(description, MaxDescription, "GoalDescription", "Beskrivelsen");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        store.Db.Goals.Add(area!.AddGoal(title!.Trim(), Clean(description)));
        store.NumberedPartAdded(roadmap);
        store.GoalPutUnder(area);
        try
        {
            return await store.SaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The area was removed in the same moment (the goal's key to it fails): told as if it had been gone already.
            store.Db.ChangeTracker.Clear();
            if (await store.Db.FocusAreas.AnyAsync(f => f.Id == focusAreaId, ct))
            {
                throw;
            }

            return Result.Fail("FocusAreaId", ChooseArea);
        }
    }

    internal static string? TitleError(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "Skriv et navn." : title.Trim().Length > 300 ? "Navnet kan være høyst 300 tegn." : null;

    private Task<List<RoadmapAction>> ActionsOutsideAsync(Guid roadmapId, DateOnly start, DateOnly end, CancellationToken ct) =>
        store.Db.Actions.AsNoTracking().Where(a => a.RoadmapId == roadmapId && (a.Start < start || a.End > end))
            .OrderBy(a => a.Start).ToListAsync(ct);

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static (Errors Errors, List<DateOnly> Dates) Check(RoadmapDraft draft)
    {
        var titleError = TitleError(draft.Title);
        var errors = new Errors()
            .When(titleError is not null, "Title", titleError ?? "")
            .WhenLongerThan(draft.Description, MaxDescription, "Description", "Formålet")
            .When(draft.PeriodStart is null, "PeriodStart", "Skriv når veikartet starter.")
            .When(draft.PeriodEnd is null, "PeriodEnd", "Skriv når veikartet slutter.")
            .When(draft.PeriodStart is { } s && draft.PeriodEnd is { } e && e <= s, "PeriodEnd", "Slutten må være etter starten.")
            .Check("PeriodStart", draft.PeriodStart).Check("PeriodEnd", draft.PeriodEnd);
        var dates = new List<DateOnly>();
        foreach (var part in (draft.ReportingDates ?? "").Split([',', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(part, ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"], out var date))
            {
                errors.Add("ReportingDates", $"«{part}» er ikke en dato. Skriv datoene som dd.mm.åååå, skilt med komma.");
                continue;
            }

            if (!PlausibleDates.Contains(date))
            {
                errors.Add("ReportingDates", PlausibleDates.Refusal(date));
            }
            else if (draft.PeriodStart is { } start && draft.PeriodEnd is { } end && end > start && (date < start || date > end))
            {
                errors.Add("ReportingDates", $"{date:dd.MM.yyyy} er utenfor veikartets periode.");
            }

            dates.Add(date);
        }

        return (errors, [.. dates.Distinct().Order()]);
    }
}
