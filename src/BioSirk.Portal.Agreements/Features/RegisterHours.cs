using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

public sealed record RegisterHoursCommand(Guid AgreementId, DateOnly? Date, string? Person, string? Activity, decimal? Hours, string? Comment, Actor By);

/// <summary>Hours against a signed agreement, inside its period. Beyond the frame is allowed and shown as not eligible.</summary>
public sealed class RegisterHours(AgreementStore store, TimeProvider clock)
{
    public async Task<Result?> HandleAsync(RegisterHoursCommand c, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(c.AgreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        if (BudgetRules.ClosedFor(agreement) is { } closed)
        {
            return Result.Fail("", closed);
        }

        var errors = HourEntry.Check(agreement, Oslo.Today(clock), c.Date, c.Person, c.Activity, c.Hours, c.Comment);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var sameDay = await BudgetRules.HoursOnAsync(store, agreement.Id, c.Date!.Value, ct);
        if (BudgetRules.MoreThanADay(c.Person!, c.Date.Value, BudgetRules.HoursOf(sameDay, c.Person!), c.Hours!.Value) is { } tooMany)
        {
            return Result.Fail("Hours", tooMany);
        }

        store.MoneyChanged(agreement);
        store.Db.Hours.Add(new HourEntry(agreement, c.Date!.Value, c.Person!, c.Activity!, c.Hours!.Value, c.Comment, c.By.Name, clock.GetUtcNow().UtcDateTime));
        return await store.SaveAsync(ct);
    }
}

internal static class BudgetRules
{
    /// <summary>Who has registered how many hours on <paramref name="date"/> on the agreement.</summary>
    public static async Task<List<(string Person, decimal Hours)>> HoursOnAsync(AgreementStore store, Guid agreementId, DateOnly date, CancellationToken ct) =>
        [.. (await store.Db.Hours.Where(h => h.AgreementId == agreementId && h.Date == date).Select(h => new { h.Person, h.Hours }).ToListAsync(ct))
            .Select(h => (h.Person, h.Hours))];

    public static decimal HoursOf(IEnumerable<(string Person, decimal Hours)> entries, string person) =>
        entries.Where(e => string.Equals(e.Person.Trim(), person.Trim(), StringComparison.OrdinalIgnoreCase)).Sum(e => e.Hours);

    /// <summary>One person's day has 24 hours: each row is checked alone, so the sum with what is there is checked here.</summary>
    public static string? MoreThanADay(string person, DateOnly date, decimal already, decimal adding) => already + adding > 24
        ? $"{person.Trim()} har allerede {already.ToString("0.##", Norwegian.Culture)} t registrert {Norwegian.Date(date)}. Med {adding.ToString("0.##", Norwegian.Culture)} t til blir det "
            + $"{(already + adding).ToString("0.##", Norwegian.Culture)} t, og en dag har høyst 24."
        : null;

    /// <summary>Hours and costs are registered while the agreement is in force and its final report is not with the county.</summary>
    public static string? ClosedFor(Agreement agreement) => agreement.Status switch
    {
        AgreementStatus.Draft => "Timer og kostnader registreres når avtalen er signert av begge parter.",
        AgreementStatus.Signed => null,
        AgreementStatus.FinalReportSubmitted =>
            "Sluttrapporten er levert, og timer og kostnader står i den slik de var da. De kan endres igjen hvis fylket sender rapporten tilbake.",
        _ => "Avtalen er avsluttet: sluttrapporten er godkjent, så det kan ikke registreres flere timer eller kostnader.",
    };
}
