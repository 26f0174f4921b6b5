using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>A signed Hallingdal–Buskerud agreement with a cost and a payment request, made through the use cases, for cross-tenant probes.</summary>
public static class VictimAgreement
{
    public sealed record Ids(Guid AgreementId, Guid MilestoneId, Guid RequestId, Guid CostId, Guid AttachmentId);

    /// <remarks>Call inside a scope whose current tenant is <paramref name="councilId"/>.</remarks>
    public static async Task<Ids> CreateAsync(IServiceProvider sp, Guid councilId)
    {
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var buskerud = await platform.Counties.SingleAsync(c => c.Slug == "buskerud");
        var by = new Actor(Guid.NewGuid(), "Testperson");
        var terms = MissionsTemplate.For(new("Regionrådet for Hallingdal", "975576469"), new(buskerud.Name, InvoiceOrderNumber: buskerud.InvoiceOrderNumber, InvoiceProjectNumber: buskerud.InvoiceProjectNumber), 2026);
        var id = (await sp.GetRequiredService<DraftAgreement>().HandleAsync(
            new DraftAgreementCommand(councilId, "Regionrådet for Hallingdal", buskerud.Id, buskerud.Name, terms, by))).Value;
        var db = sp.GetRequiredService<AgreementsDbContext>();
        var agreement = await db.Agreements.Include(a => a.Milestones).SingleAsync(a => a.Id == id);
        var now = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        agreement.Sign(Party.Council, by.UserId, by.Name, now, new DateOnly(2026, 3, 2));
        agreement.Sign(Party.County, by.UserId, by.Name, now, new DateOnly(2026, 3, 2));
        await db.SaveChangesAsync();

        var milestone = agreement.Milestones.Single(m => m.Trigger == MilestoneTrigger.AtSigning);
        await using (var timesheet = new MemoryStream("%PDF-1.4 timeliste"u8.ToArray()))
        {
            await sp.GetRequiredService<PaymentRequests>().SendAsync(new SendPaymentRequestCommand(id, milestone.Id, "Status", by)
            {
                Attachments = [new VoucherUpload(timesheet, "timeliste.pdf", timesheet.Length)],
            });
        }

        await using (var voucher = new MemoryStream("%PDF-1.4 test"u8.ToArray()))
        {
            await sp.GetRequiredService<RegisterDirectCost>().HandleAsync(new RegisterDirectCostCommand(
                id, new DateOnly(2026, 3, 1), "Leverandør", "Kostnad", 100m, new VoucherUpload(voucher, "bilag.pdf", voucher.Length), by));
        }

        var request = await db.PaymentRequests.SingleAsync(r => r.AgreementId == id);
        var cost = await db.DirectCosts.SingleAsync(c => c.AgreementId == id);
        return new Ids(id, milestone.Id, request.Id, cost.Id, request.Attachments.Single().FileId);
    }
}
