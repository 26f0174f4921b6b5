using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Indicators.Features;

/// <summary>Demo indicators, through the domain (so the rules and the audit log apply). Each method is idempotent.</summary>
public sealed class IndicatorsDemoSeeder(IndicatorsDbContext db, IndicatorLock locks, ICurrentTenant tenant, TimeProvider clock)
{
    public const string SeedName = "BioSirk-portalen (demodata)";

    /// <summary>The demo agreement's indicator that is on track («I rute»).</summary>
    private const string ArenaIndicator = "Bedrifter med i samarbeidsarenaen";

    /// <summary>Three indicators of the council's own plan with a year of measurements: one on track, one at risk, one off track.</summary>
    /// <returns>false when the council already has indicators of its own plan.</returns>
    public async Task<bool> SeedCouncilIndicatorsAsync(Guid councilId, string councilName, Guid? responsibleUserId, string? responsibleName, CancellationToken ct = default)
    {
        using var _ = tenant.Use(TenantScope.ForTenant(councilId));
        if (await db.Indicators.AnyAsync(i => i.TenantId == councilId && i.PlanKind == PlanKind.Council, ct))
        {
            return false;
        }

        var plan = new PlanRef(PlanKind.Council, councilId, $"Handlingsplan for {councilName}", councilId, Guid.Empty, Guid.Empty);
        Add(plan, new IndicatorDefinition("Andel flis fra lokale skogeiere", "prosent", Direction.HigherIsBetter, 35m, new DateOnly(2025, 1, 1), 60m,
                new DateOnly(2027, 12, 31), ReportingFrequency.Quarterly, responsibleUserId, responsibleName,
                "Andelen av flisa til de kommunale varmesentralene som kommer fra skogeiere i regionen."),
            [(new DateOnly(2025, 3, 31), 37m, "Innkjøpsstatistikk"), (new DateOnly(2025, 6, 30), 40m, "Innkjøpsstatistikk"),
             (new DateOnly(2025, 9, 30), 41.5m, "Innkjøpsstatistikk"), (new DateOnly(2025, 12, 31), 44m, "Innkjøpsstatistikk")]);
        Add(plan, new IndicatorDefinition("Tonn biokull produsert", "tonn", Direction.HigherIsBetter, 0m, new DateOnly(2025, 1, 1), 400m,
                new DateOnly(2026, 12, 31), ReportingFrequency.HalfYearly, responsibleUserId, responsibleName,
                "Biokull fra pilotanlegget, levert til landbruk og betong."),
            [(new DateOnly(2025, 6, 30), 60m, "Produksjonsrapport"), (new DateOnly(2025, 12, 31), 150m, "Produksjonsrapport")]);
        Add(plan, new IndicatorDefinition("Fossilt brensel i kommunale bygg", "MWh", Direction.LowerIsBetter, 1200m, new DateOnly(2025, 1, 1), 600m,
                new DateOnly(2027, 12, 31), ReportingFrequency.Yearly, responsibleUserId, responsibleName),
            [(new DateOnly(2025, 12, 31), 1020m, "Energioppfølgingssystemet")]);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Two indicators of the demo agreement (funded by its county), each measured once: the figures its final report
    /// fills in by itself. The arena is to have 20 firms by the end of the year after the agreement's, as the council
    /// carries it on with its own funds; its 12 firms are ahead of that line on any day of the agreement's period, so it
    /// is «I rute». The side streams are to be mapped by the agreement's end: 6 of 15 is behind late in the year.
    /// </summary>
    /// <returns>false when the agreement already has indicators (an arena indicator seeded before demo data version 4,
    /// with the agreement's end as its target date and never changed since, is given the later target date then).</returns>
    public async Task<bool> SeedAgreementIndicatorsAsync(DemoIndicatorAgreement agreement, Guid? responsibleUserId, string? responsibleName, CancellationToken ct = default)
    {
        using var _ = tenant.Use(TenantScope.ForTenant(agreement.CouncilId));
        var arena = new IndicatorDefinition(ArenaIndicator, "bedrifter", Direction.HigherIsBetter, 0m, agreement.PeriodStart, 20m,
            agreement.PeriodEnd.AddYears(1), ReportingFrequency.Quarterly, responsibleUserId, responsibleName,
            "Bedrifter i regionen som deltar i samarbeidsarenaen for sirkulær omstilling.");
        if (await db.Indicators.AnyAsync(i => i.PlanKind == PlanKind.Agreement && i.PlanId == agreement.AgreementId, ct))
        {
            await RenewArenaTargetAsync(agreement, arena, ct);
            return false;
        }

        var plan = new PlanRef(PlanKind.Agreement, agreement.AgreementId, agreement.Title, agreement.CouncilId, agreement.FunderCountyId, Guid.Empty);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime); // the day Add registers on
        var measured = today < agreement.PeriodEnd ? today : agreement.PeriodEnd;
        Add(plan, arena, [(measured, 12m, "Deltakerlister fra nettverksmøtene")]);
        Add(plan, new IndicatorDefinition("Sidestrømmer kartlagt for ny bruk", "sidestrømmer", Direction.HigherIsBetter, 0m, agreement.PeriodStart, 15m,
                agreement.PeriodEnd, ReportingFrequency.HalfYearly, responsibleUserId, responsibleName,
                "Restråstoff og overskuddsvarme fra bedriftene (flis, bark, matavfall, spillvarme) som er kartlagt som mulig råvare for andre."),
            [(measured, 6m, "Kartleggingsskjema")]);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Version 3 of the demo data aimed the arena at the agreement's end, where its 12 of 20 firms read «Ikke i rute» by
    /// the autumn. An arena indicator still as seeded then gets the later target; one someone has changed is left as it
    /// is, and so is one of an agreement whose final report is approved (its figures are final).
    /// </summary>
    private async Task RenewArenaTargetAsync(DemoIndicatorAgreement agreement, IndicatorDefinition arena, CancellationToken ct)
    {
        var named = await db.Indicators.Where(i => i.PlanKind == PlanKind.Agreement && i.PlanId == agreement.AgreementId && i.Name == ArenaIndicator).ToListAsync(ct);
        var seeded = named.FirstOrDefault(i => i.BaselineValue == 0m && i.BaselineDate == agreement.PeriodStart && i.TargetValue == 20m && i.TargetDate == agreement.PeriodEnd);
        if (seeded is null || await locks.IsLockedAsync(seeded, ct))
        {
            return;
        }

        seeded.Edit(seeded.ToDefinition() with { TargetDate = arena.TargetDate });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An indicator of a roadmap goal, shared with the partnership; for the roadmap's demo data.</summary>
    /// <returns>The indicator's id (the existing one when it was seeded before).</returns>
    public async Task<Guid> SeedGoalIndicatorAsync(Guid ownerCouncilId, Guid partnershipId, Guid goalId, string goalTitle, IndicatorDefinition definition,
        IReadOnlyList<(DateOnly Date, decimal Value, string? Source)>? measurements = null, CancellationToken ct = default)
    {
        using var _ = tenant.Use(TenantScope.ForTenant(ownerCouncilId, [partnershipId]));
        var existing = await db.Indicators.Where(i => i.PlanKind == PlanKind.RoadmapGoal && i.PlanId == goalId && i.Name == definition.Name)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }

        var indicator = Add(new PlanRef(PlanKind.RoadmapGoal, goalId, goalTitle, ownerCouncilId, Guid.Empty, partnershipId), definition, measurements ?? []);
        await db.SaveChangesAsync(ct);
        return indicator.Id;
    }

    private Indicator Add(PlanRef plan, IndicatorDefinition definition, IReadOnlyList<(DateOnly Date, decimal Value, string? Source)> measurements)
    {
        var defined = Indicator.Define(plan, definition, SharedKernel.Time.Oslo.Today(clock));
        var indicator = defined.Value ?? throw new InvalidOperationException("Demo indicator refused: " + string.Join(" ", defined.Errors.Select(e => e.Message)));
        db.Indicators.Add(indicator);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        foreach (var (date, value, source) in measurements)
        {
            var measured = indicator.Register(value, date, source, null, definition.ResponsibleUserId ?? Guid.Empty, definition.ResponsibleName ?? SeedName, today, now);
            db.Measurements.Add(measured.Value ?? throw new InvalidOperationException("Demo measurement refused: " + measured.Errors[0].Message));
        }

        return indicator;
    }
}

/// <summary>The demo agreement as its indicators need it: the plan, its funder and its period.</summary>
public sealed record DemoIndicatorAgreement(Guid AgreementId, string Title, Guid CouncilId, Guid FunderCountyId, DateOnly PeriodStart, DateOnly PeriodEnd);
