using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>Who the demo agreement is between, and who signs for each side.</summary>
public sealed record DemoAgreementParties(Guid CouncilId, TemplateParty Council, Guid CountyId, TemplateParty County, Actor Secretary, Actor Officer);

/// <summary>
/// The demo's Missions agreement: the seed's Hallingdal agreement for this year, signed by both sides, with some
/// weeks of hours and the first payment made, so that the final report can be written and delivered. Seeded once;
/// a council that has agreements is left alone. Call inside the council's scope.
/// </summary>
public sealed class AgreementsDemoSeeder(
    AgreementsDbContext db, DraftAgreement draft, SignAgreement sign, RegisterHours hours, PaymentRequests payments, TimeProvider clock)
{
    /// <returns>The council's Missions agreement, seeded now or before; null when there is none.</returns>
    public async Task<Guid?> SeedAsync(DemoAgreementParties parties, CancellationToken ct = default)
    {
        var today = Oslo.Today(clock);
        if (await db.Agreements.AnyAsync(ct))
        {
            return await db.Agreements.Where(a => a.Title == MissionsTemplate.Title).OrderBy(a => a.PeriodStart).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        }

        if (today.Month == 1 && today.Day < 16)
        {
            return null; // too early in the year for the template's period to have begun
        }

        var terms = MissionsTemplate.For(parties.Council, parties.County, today.Year);
        var id = (await draft.HandleAsync(new DraftAgreementCommand(parties.CouncilId, parties.Council.Name, parties.CountyId, parties.County.Name, terms,
            parties.Secretary), ct)).Value;
        var agreement = await db.Agreements.Include(a => a.Milestones).SingleAsync(a => a.Id == id, ct);
        await sign.HandleAsync(new SignAgreementCommand(id, Party.Council, agreement.ConcurrencyStamp, parties.Secretary), ct); // recorded in its history
        await sign.HandleAsync(new SignAgreementCommand(id, Party.County, agreement.ConcurrencyStamp, parties.Officer), ct);

        var day = agreement.PeriodStart.AddDays(7);
        for (var week = 0; week < 10 && day <= today && day <= agreement.PeriodEnd; week++, day = day.AddDays(14))
        {
            await hours.HandleAsync(new RegisterHoursCommand(id, day, parties.Secretary.Name, week % 2 == 0 ? "Mobilisering av bedrifter" : "Samarbeidsarena og møter",
                7.5m, null, parties.Secretary), ct);
        }

        var first = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.AtSigning);
        await payments.SendAsync(new SendPaymentRequestCommand(id, first.Id, "Avtalen er signert; arbeidet er i gang.", parties.Secretary), ct);
        var request = await db.PaymentRequests.SingleAsync(r => r.AgreementId == id, ct);
        await payments.DecideAsync(new DecidePaymentRequestCommand(id, request.Id, true, null, parties.Officer), ct);
        await payments.RegisterPaymentAsync(new RegisterPaymentCommand(id, first.Id, today, first.Amount, "BFK-DEMO-0001", parties.Officer), ct);
        return id;
    }
}
