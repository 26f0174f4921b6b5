using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BioSirk.Portal.SharedKernel.Auditing;

/// <summary>
/// Every module's context maps the audit table so that an audit row is written in the same transaction as the
/// change; only Platform's migrations create it.
/// </summary>
public sealed class AuditEntryConfiguration(bool excludeFromMigrations, bool useSchema) : IEntityTypeConfiguration<AuditEntry>
{
    public const string TableName = "audit_entries";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(TableName, useSchema ? "platform" : null, t => t.ExcludeFromMigrations(excludeFromMigrations));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.HasIndex(e => new { e.TenantId, e.AtUtc });
    }
}
