using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Indicators.Features;

public sealed record DefineIndicatorCommand(PlanRef Plan, IndicatorDefinition Definition);

/// <summary>
/// A secretary of the owner council defines an indicator for one of its plans. The caller has checked the plan: an
/// agreement visible in the council (its county is the funder), a roadmap goal of one of the council's partnerships
/// (the roadmap's partnership shares it), or the council's own plan (the plan id is the council's id).
/// </summary>
public sealed class DefineIndicator(IndicatorStore store, IndicatorLock locks, ICurrentTenant tenant, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(DefineIndicatorCommand command, CancellationToken ct = default)
    {
        var plan = command.Plan;
        if (tenant.TenantId != plan.OwnerCouncilId)
        {
            throw new InvalidOperationException("An indicator is defined in the scope of its owner council.");
        }

        var consistent = plan.Kind switch
        {
            PlanKind.Agreement => plan.FunderCountyId != Guid.Empty && plan.PartnershipId == Guid.Empty,
            PlanKind.RoadmapGoal => plan.PartnershipId != Guid.Empty && plan.FunderCountyId == Guid.Empty && tenant.PartnershipIds.Contains(plan.PartnershipId),
            PlanKind.Council => plan.PlanId == plan.OwnerCouncilId && plan.FunderCountyId == Guid.Empty && plan.PartnershipId == Guid.Empty,
            _ => false,
        };
        if (!consistent)
        {
            throw new ArgumentException($"The plan {plan} does not fit its kind.", nameof(command));
        }

        if (await locks.NoNewIndicatorBecauseAsync(plan.Kind, plan.PlanId, ct) is { } closed)
        {
            return Result<Guid>.Fail("", closed);
        }

        var defined = Indicator.Define(plan, command.Definition, SharedKernel.Time.Oslo.Today(clock));
        if (!defined.Succeeded)
        {
            return Result<Guid>.Fail(defined.Errors);
        }

        store.Db.Indicators.Add(defined.Value!);
        await store.Db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(defined.Value!.Id);
    }
}

public sealed record EditIndicatorCommand(Guid IndicatorId, IndicatorDefinition Definition, string ConcurrencyStamp);

/// <summary>Edits the definition; the stamp from the form catches a colleague's save in between. A locked indicator is refused.</summary>
public sealed class EditIndicator(IndicatorStore store, IndicatorLock locks)
{
    /// <returns>null when the indicator is not visible here (404).</returns>
    public async Task<Result?> HandleAsync(EditIndicatorCommand command, CancellationToken ct = default)
    {
        var indicator = await store.FindAsync(command.IndicatorId, ct);
        if (indicator is null)
        {
            return null;
        }

        if (await locks.LockedBecauseAsync(indicator, ct) is { } locked)
        {
            return IndicatorLock.Refusal(locked);
        }

        store.Db.Entry(indicator).Property(i => i.ConcurrencyStamp).OriginalValue = command.ConcurrencyStamp;
        var result = indicator.Edit(command.Definition);
        return result.Succeeded ? await store.SaveAsync(ct) : result;
    }
}

public sealed record RegisterMeasurementCommand(Guid IndicatorId, decimal? Value, DateOnly? Date, string? Source, string? Comment, ActingPerson By)
{
    /// <summary>
    /// A person at the form is asked to confirm a value that looks mistyped (<see cref="Indicator.DoubtAbout"/>) before it
    /// is saved; she confirms by sending the form again with this off. A system sending its figures is not asked.
    /// </summary>
    public bool AsksAboutDoubts { get; init; }
}

/// <summary>One measurement, checked by the same rule as the import; none on a locked indicator.</summary>
public sealed class RegisterMeasurement(IndicatorStore store, IndicatorLock locks, TimeProvider clock)
{
    /// <summary>The form's tick that confirms a doubtful value: where the doubt is said.</summary>
    public const string ConfirmsDoubtField = "ConfirmsDoubt";

    /// <returns>null when the indicator is not visible here (404).</returns>
    public async Task<Result?> HandleAsync(RegisterMeasurementCommand c, CancellationToken ct = default)
    {
        var indicator = await store.FindAsync(c.IndicatorId, ct);
        if (indicator is null)
        {
            return null;
        }

        if (await locks.LockedBecauseAsync(indicator, ct) is { } locked)
        {
            return IndicatorLock.Refusal(locked);
        }

        var today = SharedKernel.Time.Oslo.Today(clock);
        if (c.AsksAboutDoubts && c.Value is { } value && c.Date is { } date && indicator.DoubtAbout(value, date) is { } doubt
            && IndicatorRules.CheckMeasurement(c.Value, c.Date, c.Source, c.Comment, today).Count == 0)
        {
            return Result.Fail(ConfirmsDoubtField, doubt);
        }

        var registered = indicator.Register(c.Value, c.Date, c.Source, c.Comment, c.By.UserId, c.By.Name, today, clock.GetUtcNow().UtcDateTime);
        if (!registered.Succeeded)
        {
            return Result.Fail(registered.Errors);
        }

        store.Db.Measurements.Add(registered.Value!);
        store.MeasurementAdded(indicator);
        return await store.SaveAsync(ct);
    }
}

/// <summary>
/// Deletes a measurement that was wrong; the right value is then registered anew. Who may is the page's check, as for
/// registering; no one may on a locked indicator.
/// </summary>
public sealed class DeleteMeasurement(IndicatorStore store, IndicatorLock locks)
{
    /// <returns>null when the indicator is not visible here (404); otherwise the outcome and what was deleted.</returns>
    public async Task<(Result Result, Measurement? Deleted)?> HandleAsync(Guid indicatorId, Guid measurementId, CancellationToken ct = default)
    {
        if (await store.FindAsync(indicatorId, ct) is not { } indicator)
        {
            return null;
        }

        if (await locks.LockedBecauseAsync(indicator, ct) is { } locked)
        {
            return (IndicatorLock.Refusal(locked), null);
        }

        if (indicator.RemoveMeasurement(measurementId) is not { } deleted)
        {
            // Deleted already, most likely from another tab; any id that is not one of this indicator's measurements reads the same.
            return (Result.Fail("", "Målingen er allerede slettet. Siden viser målingene slik de er nå."), null);
        }

        return (await store.SaveAsync(ct), deleted);
    }
}
