using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Idempotency;
using BioSirk.Portal.Platform.KeyRing;
using BioSirk.Portal.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BioSirk.Portal.Platform.Data;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.Property(t => t.Slug).HasMaxLength(60);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.OrganisationNumber).HasMaxLength(9);
        builder.Property(t => t.ContactName).HasMaxLength(200);
        builder.Property(t => t.ContactEmail).HasMaxLength(256);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> builder)
    {
        builder.ToTable("counties");
        builder.Property(c => c.Slug).HasMaxLength(60);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.OrganisationNumber).HasMaxLength(9);
        builder.Property(c => c.ContactName).HasMaxLength(200);
        builder.Property(c => c.ContactEmail).HasMaxLength(256);
        builder.Property(c => c.InvoiceOrderNumber).HasMaxLength(100);
        builder.Property(c => c.InvoiceProjectNumber).HasMaxLength(100);
        builder.HasIndex(c => c.Slug).IsUnique();
    }
}

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.ToTable("partnerships");
        builder.Property(p => p.Slug).HasMaxLength(60);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PartnershipId);
        builder.Navigation(p => p.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PartnershipMemberConfiguration : IEntityTypeConfiguration<PartnershipMember>
{
    public void Configure(EntityTypeBuilder<PartnershipMember> builder)
    {
        builder.ToTable("partnership_members");
        builder.HasKey(m => new { m.PartnershipId, m.TenantId });
    }
}

internal sealed class TenantMembershipConfiguration : IEntityTypeConfiguration<TenantMembership>
{
    public void Configure(EntityTypeBuilder<TenantMembership> builder)
    {
        builder.ToTable("tenant_memberships");
        builder.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class CountyMembershipConfiguration : IEntityTypeConfiguration<CountyMembership>
{
    public void Configure(EntityTypeBuilder<CountyMembership> builder)
    {
        builder.ToTable("county_memberships");
        builder.HasIndex(m => new { m.CountyId, m.UserId }).IsUnique();
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.FullName).HasMaxLength(200);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.State });
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.Language).HasMaxLength(5);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.Url).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("outgoing_emails");
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.Body).HasMaxLength(8000);
        builder.Property(e => e.LastError).HasMaxLength(500);
        builder.HasIndex(e => new { e.SentAtUtc, e.NextAttemptAtUtc });
    }
}

internal sealed class EntraConnectionConfiguration : IEntityTypeConfiguration<EntraConnection>
{
    public void Configure(EntityTypeBuilder<EntraConnection> builder)
    {
        builder.ToTable("entra_connections");
        builder.HasIndex(c => c.EntraTenantId).IsUnique(); // one Entra tenant serves one council or county
        builder.HasIndex(c => new { c.OwnerKind, c.OwnerId }).IsUnique();
        builder.Property(c => c.AllowedDomains).HasMaxLength(2000);
        builder.Property(c => c.ApprovedDomains).HasMaxLength(2000);
        builder.Ignore(c => c.Domains);
    }
}

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("api_idempotency_keys");
        builder.Property(k => k.Client).HasMaxLength(200);
        builder.Property(k => k.Key).HasMaxLength(IdempotencyKeys.MaxKeyLength);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        builder.Property(k => k.ContentType).HasMaxLength(200);
        builder.Property(k => k.Location).HasMaxLength(2000);
        builder.HasIndex(k => new { k.Client, k.Key }).IsUnique(); // two identical requests at once: one of them registers
        builder.HasIndex(k => k.ExpiresAtUtc);
    }
}

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> builder)
    {
        builder.ToTable("ended_sessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.EndedAtUtc);
    }
}

internal sealed class DemoDataStampConfiguration : IEntityTypeConfiguration<DemoDataStamp>
{
    public void Configure(EntityTypeBuilder<DemoDataStamp> builder)
    {
        builder.ToTable(DemoDataStamp.Table);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class StoredDataProtectionKeyConfiguration : IEntityTypeConfiguration<StoredDataProtectionKey>
{
    public void Configure(EntityTypeBuilder<StoredDataProtectionKey> builder)
    {
        builder.ToTable(StoredDataProtectionKey.Table);
        builder.Property(k => k.Id).ValueGeneratedOnAdd();
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
