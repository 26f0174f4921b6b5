using BioSirk.Portal.Agreements.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BioSirk.Portal.Agreements.Data;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("agreements");
        builder.Property(a => a.Purpose).HasMaxLength(20000);
        builder.Property(a => a.Terms).HasMaxLength(20000);
        builder.Property(a => a.CouncilOrganisationNumber).HasMaxLength(9);
        builder.OwnsOne(a => a.CouncilSignature, s => s.Property(p => p.Name).HasMaxLength(200));
        builder.OwnsOne(a => a.CountySignature, s => s.Property(p => p.Name).HasMaxLength(200));
        builder.OwnsOne(a => a.PendingAmendment, p =>
        {
            p.Property(x => x.TermsJson).HasMaxLength(100000);
            p.Property(x => x.Name).HasMaxLength(200);
        });
        builder.OwnsMany(a => a.BreachNotices, n =>
        {
            n.ToTable("agreement_breach_notices");
            n.WithOwner().HasForeignKey("AgreementId");
            n.HasKey("AgreementId", nameof(BreachNotice.By));
            n.Property(p => p.Name).HasMaxLength(200);
        });
        builder.Navigation(a => a.BreachNotices).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(a => a.HourRateChanges, c =>
        {
            c.ToTable("agreement_hour_rate_changes");
            c.WithOwner().HasForeignKey("AgreementId");
            c.HasKey("AgreementId", nameof(HourRateChange.From));
        });
        builder.Navigation(a => a.HourRateChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.WorkingGroup).WithOne().HasForeignKey(w => w.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.WorkingGroup).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => a.TenantId);
        builder.HasIndex(a => a.FunderCountyId);
    }
}

internal sealed class PaymentMilestoneConfiguration : IEntityTypeConfiguration<PaymentMilestone>
{
    public void Configure(EntityTypeBuilder<PaymentMilestone> builder)
    {
        builder.ToTable("payment_milestones");
        builder.Property(m => m.SharePercent).HasPrecision(5, 2);
    }
}

internal sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> builder) => builder.ToTable("working_group_members");
}

internal sealed class AgreementEventConfiguration : IEntityTypeConfiguration<AgreementEvent>
{
    public void Configure(EntityTypeBuilder<AgreementEvent> builder)
    {
        builder.ToTable("agreement_events");
        builder.HasIndex(e => e.AgreementId);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.ToTable("agreement_versions");
        builder.Property(v => v.TermsJson).HasMaxLength(100000);
        builder.Property(v => v.ChangesJson).HasMaxLength(100000);
        builder.HasIndex(v => new { v.AgreementId, v.Version }).IsUnique();
    }
}

internal sealed class HourEntryConfiguration : IEntityTypeConfiguration<HourEntry>
{
    public void Configure(EntityTypeBuilder<HourEntry> builder)
    {
        builder.ToTable("hour_entries");
        builder.HasIndex(h => new { h.AgreementId, h.Date });
    }
}

internal sealed class DirectCostConfiguration : IEntityTypeConfiguration<DirectCost>
{
    public void Configure(EntityTypeBuilder<DirectCost> builder)
    {
        builder.ToTable("direct_costs");
        builder.OwnsOne(c => c.Voucher);
        builder.HasIndex(c => new { c.AgreementId, c.Date });
    }
}

internal sealed class PaymentRequestConfiguration : IEntityTypeConfiguration<PaymentRequest>
{
    public void Configure(EntityTypeBuilder<PaymentRequest> builder)
    {
        builder.ToTable("payment_requests");
        builder.HasIndex(r => r.AgreementId);
        builder.OwnsMany(r => r.Attachments, a =>
        {
            // A key of its own, as the other attachment tables have: SQLite cannot number the second column of a
            // composite key, so the default (PaymentRequestId, Id) failed every attachment there.
            a.ToTable("payment_request_attachments");
            a.WithOwner().HasForeignKey("PaymentRequestId");
            a.Property<int>("Id");
            a.HasKey("Id");
        });
        builder.Navigation(r => r.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasIndex(p => p.AgreementId);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.ToTable("sent_reminders");
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.HasIndex(r => new { r.AgreementId, r.Key }).IsUnique();
    }
}
