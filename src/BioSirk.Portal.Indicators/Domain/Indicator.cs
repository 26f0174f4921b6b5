using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Indicators.Domain;

public enum Direction
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

public enum ReportingFrequency
{
    Monthly = 1,
    Quarterly = 3,
    HalfYearly = 6,
    Yearly = 12,
}

/// <summary>What the plan's owner gives when she defines or edits an indicator, checked by <see cref="IndicatorRules"/>.</summary>
public sealed record IndicatorDefinition(
    string? Name, string? Unit, Direction? Direction, decimal? BaselineValue, DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate,
    ReportingFrequency? Frequency, Guid? ResponsibleUserId, string? ResponsibleName, string? Description = null);

/// <summary>The plan an indicator belongs to and who may see it: the owner council, the funding county, the partnership.</summary>
/// <param name="FunderCountyId">The agreement's county; <see cref="Guid.Empty"/> for other plans.</param>
/// <param name="PartnershipId">The roadmap's partnership for a goal; <see cref="Guid.Empty"/> for other plans.</param>
public sealed record PlanRef(PlanKind Kind, Guid PlanId, string Title, Guid OwnerCouncilId, Guid FunderCountyId, Guid PartnershipId);

/// <summary>
/// A results indicator of an action plan (an agreement's, a roadmap goal's or a council's own): from a baseline to a
/// target in a direction, measured at a frequency by a responsible person.
/// </summary>
public sealed class Indicator : ICountyFunded, IPartnershipShared, IAudited, IConcurrencyAware
{
    private readonly List<Measurement> measurements = [];

    private Indicator()
    {
    }

    private Indicator(PlanRef plan)
    {
        TenantId = plan.OwnerCouncilId;
        FunderCountyId = plan.FunderCountyId;
        PartnershipId = plan.PartnershipId;
        PlanKind = plan.Kind;
        PlanId = plan.PlanId;
        PlanTitle = plan.Title.Trim();
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>The owner council.</summary>
    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public PlanKind PlanKind { get; private set; }

    public Guid PlanId { get; private set; }

    public string PlanTitle { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Unit { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public Direction Direction { get; private set; }

    public decimal BaselineValue { get; private set; }

    public DateOnly BaselineDate { get; private set; }

    public decimal TargetValue { get; private set; }

    public DateOnly TargetDate { get; private set; }

    public ReportingFrequency Frequency { get; private set; }

    /// <summary>The day the indicator was made: its first report falls after it, not in the months before it existed.</summary>
    public DateOnly DefinedOn { get; private set; }

    public Guid? ResponsibleUserId { get; private set; }

    public string? ResponsibleName { get; private set; }

    public IReadOnlyList<Measurement> Measurements => measurements;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public static Result<Indicator> Define(PlanRef plan, IndicatorDefinition definition, DateOnly today)
    {
        var errors = IndicatorRules.Validate(definition);
        if (errors.Count > 0)
        {
            return Result<Indicator>.Fail(errors);
        }

        var indicator = new Indicator(plan) { DefinedOn = today };
        indicator.Apply(definition);
        return Result<Indicator>.Ok(indicator);
    }

    public Result Edit(IndicatorDefinition definition)
    {
        var errors = IndicatorRules.Validate(definition);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Apply(definition);
        return Result.Ok();
    }

    public Result<Measurement> Register(decimal? value, DateOnly? date, string? source, string? comment, Guid byId, string byName, DateOnly today, DateTime nowUtc)
    {
        var errors = IndicatorRules.CheckMeasurement(value, date, source, comment, today);
        if (errors.Count > 0)
        {
            return Result<Measurement>.Fail(errors);
        }

        var measurement = new Measurement(this, value!.Value, date!.Value, source, comment, byId, byName, nowUtc);
        measurements.Add(measurement);
        return Result<Measurement>.Ok(measurement);
    }

    /// <summary>Takes out a measurement registered by mistake; the change log keeps what it said. Null when there is none such.</summary>
    public Measurement? RemoveMeasurement(Guid measurementId)
    {
        var measurement = measurements.FirstOrDefault(m => m.Id == measurementId);
        if (measurement is not null)
        {
            measurements.Remove(measurement);
        }

        return measurement;
    }

    /// <summary>
    /// What makes a new measurement look mistyped, for the person to confirm: a second one on a date that has one, a
    /// negative value where the baseline and the target are not, a share above 100 %. Null when nothing does.
    /// </summary>
    public string? DoubtAbout(decimal value, DateOnly date)
    {
        if (measurements.FirstOrDefault(m => m.Date == date) is { } same)
        {
            return $"Det finnes allerede en måling for {Norwegian.Date(date)}: {WithUnit(same.Value)}. Kryss av hvis du vil registrere en til for samme dato.";
        }

        return Oddity(value, date) is { } odd ? $"{odd} Kryss av hvis målingen er riktig." : null;
    }

    /// <summary>What makes a value or date look mistyped, whatever way it comes in (the form asks; an import refuses the row).</summary>
    public string? Oddity(decimal value, DateOnly date)
    {
        if (value < 0 && BaselineValue >= 0 && TargetValue >= 0)
        {
            return $"Verdien {WithUnit(value)} er negativ, men utgangsverdien og målverdien er ikke det.";
        }

        var isPercent = Unit == "%" || Unit.Contains("prosent", StringComparison.OrdinalIgnoreCase);
        if (value > 100 && isPercent)
        {
            return $"Verdien {WithUnit(value)} er over 100 prosent, og det er en andel sjelden.";
        }

        return date < BaselineDate.AddYears(-MeasurementYearsBeforeBaseline)
            ? $"Datoen {Norwegian.Date(date)} er mer enn {MeasurementYearsBeforeBaseline} år før datoen for utgangsverdien ({Norwegian.Date(BaselineDate)})."
            : null;
    }

    /// <summary>History before the baseline is welcome (the status compares it with the baseline); decades before is a typing error more often.</summary>
    public const int MeasurementYearsBeforeBaseline = 10;

    private string WithUnit(decimal value) => Norwegian.Number(value) + " " + Unit;

    public DateOnly NextReportingDate(DateOnly? latestMeasurement) => NextReportingDate(Frequency, BaselineDate, latestMeasurement, DefinedOn);

    /// <summary>
    /// The next report is due one period after the latest measurement. Before the first one, it is the first date in
    /// the baseline's rhythm (every period from the baseline) on or after the day the indicator was defined.
    /// </summary>
    public static DateOnly NextReportingDate(ReportingFrequency frequency, DateOnly baselineDate, DateOnly? latestMeasurement, DateOnly definedOn = default)
    {
        if (latestMeasurement is { } latest && latest > baselineDate)
        {
            return OnePeriodAfter(latest, frequency);
        }

        // Counted from the baseline, not stepped from date to date: a step clamped to a short month's end (30.01 →
        // 28.02) would otherwise read as a month's end, and the rhythm would drift to the month's last day.
        var periods = 1;
        var next = PeriodsAfter(baselineDate, frequency, periods);
        while (next < definedOn)
        {
            next = PeriodsAfter(baselineDate, frequency, ++periods);
        }

        return next;
    }

    private static DateOnly OnePeriodAfter(DateOnly from, ReportingFrequency frequency) => PeriodsAfter(from, frequency, 1);

    // A month's last day is followed by a month's last day: 30.06 → 31.12, not 30.12.
    private static DateOnly PeriodsAfter(DateOnly from, ReportingFrequency frequency, int periods)
    {
        var next = from.AddMonths((int)frequency * periods);
        return from.Day == DateTime.DaysInMonth(from.Year, from.Month) ? new DateOnly(next.Year, next.Month, DateTime.DaysInMonth(next.Year, next.Month)) : next;
    }

    public string DirectionText => IndicatorTexts.Direction(Direction == Direction.HigherIsBetter);

    /// <summary>Who may register and import measurements: the owner council's secretaries (checked by the page) and the responsible person.</summary>
    public bool IsResponsible(Guid userId) => ResponsibleUserId == userId;

    public IndicatorDefinition ToDefinition() =>
        new(Name, Unit, Direction, BaselineValue, BaselineDate, TargetValue, TargetDate, Frequency, ResponsibleUserId, ResponsibleName, Description);

    private void Apply(IndicatorDefinition d)
    {
        Name = d.Name!.Trim();
        Unit = d.Unit!.Trim();
        Description = string.IsNullOrWhiteSpace(d.Description) ? null : d.Description.Trim();
        Direction = d.Direction!.Value;
        BaselineValue = d.BaselineValue!.Value;
        BaselineDate = d.BaselineDate!.Value;
        TargetValue = d.TargetValue!.Value;
        TargetDate = d.TargetDate!.Value;
        Frequency = d.Frequency!.Value;
        ResponsibleUserId = d.ResponsibleUserId;
        ResponsibleName = d.ResponsibleUserId is null ? null : d.ResponsibleName?.Trim();
    }
}

/// <summary>One measured value of an indicator; visible to exactly whom its indicator is.</summary>
public sealed class Measurement : ICountyFunded, IPartnershipShared, IAudited
{
    private Measurement()
    {
    }

    internal Measurement(Indicator indicator, decimal value, DateOnly date, string? source, string? comment, Guid byId, string byName, DateTime nowUtc)
    {
        IndicatorId = indicator.Id;
        TenantId = indicator.TenantId;
        FunderCountyId = indicator.FunderCountyId;
        PartnershipId = indicator.PartnershipId;
        Value = value;
        Date = date;
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RegisteredById = byId;
        RegisteredByName = byName;
        RegisteredAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid IndicatorId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public decimal Value { get; private set; }

    public DateOnly Date { get; private set; }

    public string? Source { get; private set; }

    public string? Comment { get; private set; }

    public Guid RegisteredById { get; private set; }

    public string RegisteredByName { get; private set; } = string.Empty;

    public DateTime RegisteredAtUtc { get; private set; }
}

/// <summary>A reminder sent for one reporting date of one indicator; unique, so a retried job sends nothing twice.</summary>
public sealed class SentIndicatorReminder : ITenantOwned
{
    private SentIndicatorReminder()
    {
    }

    public SentIndicatorReminder(Indicator indicator, DateOnly reportingDate, DateTime nowUtc)
    {
        IndicatorId = indicator.Id;
        TenantId = indicator.TenantId;
        ReportingDate = reportingDate;
        SentAtUtc = nowUtc;
    }

    public long Id { get; private set; }

    public Guid IndicatorId { get; private set; }

    public Guid TenantId { get; private set; }

    public DateOnly ReportingDate { get; private set; }

    public DateTime SentAtUtc { get; private set; }
}
