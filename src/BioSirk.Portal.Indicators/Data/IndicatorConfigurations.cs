using BioSirk.Portal.Indicators.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BioSirk.Portal.Indicators.Data;

// Table names are unique across modules, not only within the schema: on SQLite every module shares one file without schemas.
internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Unit).HasMaxLength(50);
        builder.Property(i => i.PlanTitle).HasMaxLength(400);
        builder.Property(i => i.ResponsibleName).HasMaxLength(200);
        builder.Property(i => i.Description).HasMaxLength(2000);
        builder.HasMany(i => i.Measurements).WithOne().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Measurements).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => i.TenantId);
        builder.HasIndex(i => i.FunderCountyId);
        builder.HasIndex(i => i.PartnershipId);
        builder.HasIndex(i => new { i.PlanKind, i.PlanId });
        builder.HasIndex(i => i.ResponsibleUserId);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("indicator_measurements");
        builder.Property(m => m.Source).HasMaxLength(200);
        builder.Property(m => m.RegisteredByName).HasMaxLength(200);
        builder.HasIndex(m => new { m.IndicatorId, m.Date });
    }
}

internal sealed class SentIndicatorReminderConfiguration : IEntityTypeConfiguration<SentIndicatorReminder>
{
    public void Configure(EntityTypeBuilder<SentIndicatorReminder> builder)
    {
        builder.ToTable("indicator_reminders");
        builder.HasIndex(r => new { r.IndicatorId, r.ReportingDate }).IsUnique();
    }
}
