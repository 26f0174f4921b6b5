using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Money;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Agreements.Domain;

/// <summary>Hours worked on an agreement by a person of the working group (timeliste).</summary>
public sealed class HourEntry : ICountyFunded, IAudited, IConcurrencyAware
{
    private HourEntry()
    {
    }

    public HourEntry(Agreement agreement, DateOnly date, string person, string activity, decimal hours, string? comment, string registeredBy, DateTime nowUtc)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        Date = date;
        Person = person.Trim();
        Activity = activity.Trim();
        Hours = hours;
        HourRate = agreement.RateOn(date);
        Comment = comment?.Trim();
        RegisteredBy = registeredBy;
        RegisteredAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Person { get; private set; } = string.Empty;

    public string Activity { get; private set; } = string.Empty;

    public decimal Hours { get; private set; }

    /// <summary>The agreement's hour rate on <see cref="Date"/>: an amendment that changes the rate prices the hours from its day on, not those before.</summary>
    public decimal HourRate { get; private set; }

    /// <summary>What the hours cost, exact (rounded to øre only where shown or settled).</summary>
    public decimal Cost => Hours * HourRate;

    public string? Comment { get; private set; }

    public string RegisteredBy { get; private set; } = string.Empty;

    public DateTime RegisteredAtUtc { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>An amendment changed the rate from the day of these hours on.</summary>
    public void Reprice(Agreement agreement) => HourRate = agreement.RateOn(Date);

    /// <summary>The rules for one row of hours, the same for the form, the import and the API.</summary>
    public static IReadOnlyList<FieldError> Check(Agreement agreement, DateOnly today, DateOnly? date, string? person, string? activity, decimal? hours, string? comment)
    {
        var e = new Errors();
        EntryRules.DateInPeriod(e, agreement, date, "Skriv inn datoen (dd.mm.åååå).");
        EntryRules.NotAfterToday(e, date, today, "Datoen er fram i tid. Timer registreres når arbeidet er gjort.");
        e.When(string.IsNullOrWhiteSpace(person), "Person", "Skriv inn hvem som har arbeidet.")
            .WhenLongerThan(person, 200, "Person", "Navnet");
        e.When(string.IsNullOrWhiteSpace(activity), "Activity", "Skriv inn aktiviteten timene gjelder.")
            .WhenLongerThan(activity, 300, "Activity", "Aktiviteten");
        e.WhenLongerThan(comment, 1_000, "Comment", "Kommentaren");
        if (hours is null)
        {
            e.Add("Hours", "Skriv inn antall timer, for eksempel 7,5.");
        }
        else if (hours <= 0 || hours > 24)
        {
            e.Add("Hours", "Timene må være mer enn 0 og høyst 24 for én dag.");
        }
        else if (!Kroner.HasWholeOre(hours.Value))
        {
            e.Add("Hours", "Timene kan ha høyst to desimaler, for eksempel 7,25.");
        }

        return e.All;
    }
}

/// <summary>A direct cost (direkte kostnad), covered without mark-up, with its voucher.</summary>
public sealed class DirectCost : ICountyFunded, IAudited, IConcurrencyAware
{
    private DirectCost()
    {
    }

    public DirectCost(Agreement agreement, DateOnly date, string supplier, string description, decimal amount, string registeredBy, DateTime nowUtc)
    {
        AgreementId = agreement.Id;
        TenantId = agreement.TenantId;
        FunderCountyId = agreement.FunderCountyId;
        Date = date;
        Supplier = supplier.Trim();
        Description = description.Trim();
        Amount = amount;
        RegisteredBy = registeredBy;
        RegisteredAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Supplier { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public Voucher? Voucher { get; private set; }

    public string RegisteredBy { get; private set; } = string.Empty;

    public DateTime RegisteredAtUtc { get; private set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public void Attach(Voucher voucher) => Voucher = voucher;

    public static IReadOnlyList<FieldError> Check(Agreement agreement, DateOnly today, DateOnly? date, string? supplier, string? description, decimal? amount)
    {
        var e = new Errors();
        EntryRules.DateInPeriod(e, agreement, date, "Skriv inn datoen på bilaget (dd.mm.åååå).");
        EntryRules.NotAfterToday(e, date, today, "Bilagsdatoen er fram i tid. Registrer kostnaden når du har fått bilaget.");
        e.When(string.IsNullOrWhiteSpace(supplier), "Supplier", "Skriv inn leverandøren.")
            .WhenLongerThan(supplier, 200, "Supplier", "Leverandørens navn");
        e.When(string.IsNullOrWhiteSpace(description), "Description", "Skriv hva kostnaden gjelder.")
            .WhenLongerThan(description, 500, "Description", "Beskrivelsen");
        if (amount is null)
        {
            e.Add("Amount", "Skriv inn beløpet i kroner, eks. mva.");
        }
        else if (amount <= 0)
        {
            e.Add("Amount", "Beløpet må være større enn 0.");
        }
        else if (!Kroner.HasWholeOre(amount.Value))
        {
            e.Add("Amount", "Beløpet kan ha høyst to desimaler (hele øre).");
        }
        else if (amount > Kroner.MaxAmount)
        {
            e.Add("Amount", "Beløpet er for stort (høyst kr 999 999 999,99). Sjekk at det er skrevet riktig.");
        }

        return e.All;
    }
}

internal static class EntryRules
{
    /// <summary>Hours and costs count only inside the agreement's period.</summary>
    public static void DateInPeriod(Errors e, Agreement agreement, DateOnly? date, string missing)
    {
        if (date is null)
        {
            e.Add("Date", missing);
        }
        else if (date < agreement.PeriodStart || date > agreement.PeriodEnd)
        {
            e.Add("Date", $"Datoen må ligge i avtaleperioden, {Norwegian.Date(agreement.PeriodStart)}–{Norwegian.Date(agreement.PeriodEnd)}.");
        }
    }

    /// <summary>Hours and costs are what has been spent: a date after today is a typing error or a plan, not a claim.</summary>
    public static void NotAfterToday(Errors e, DateOnly? date, DateOnly today, string message)
    {
        if (date > today && !e.All.Any(error => error.Field == "Date"))
        {
            e.Add("Date", $"{message} I dag er {Norwegian.Date(today)}.");
        }
    }
}

/// <summary>A stored voucher file: kept outside the web root under its id, served only through the agreement.</summary>
public sealed record Voucher(Guid FileId, string FileName, string ContentType, long Size, string Sha256);
