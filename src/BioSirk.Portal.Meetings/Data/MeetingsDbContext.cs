using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Meetings.Data;

/// <summary>
/// Meetings and their agendas. Table names start with "meeting"/"agenda"/"case" because SQLite keeps every module in
/// one file without schemas.
/// </summary>
public class MeetingsDbContext(DbContextOptions options, ICurrentTenant currentTenant) : ModuleDbContext(options, currentTenant)
{
    public const string SchemaName = "meetings";

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();

    public DbSet<MeetingComment> MeetingComments => Set<MeetingComment>();

    public DbSet<MeetingPresence> MeetingPresence => Set<MeetingPresence>();

    public DbSet<MinutesPdf> MinutesPdfs => Set<MinutesPdf>();

    protected override string Schema => SchemaName;

    /// <summary>A finished version of the minutes is never changed or deleted.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<MinutesPdf>().Any(e =>
                e.State is EntityState.Deleted or EntityState.Modified && e.OriginalValues.GetValue<PdfState>(nameof(MinutesPdf.State)) == PdfState.Ready))
        {
            throw new InvalidOperationException("A finished version of the minutes cannot be changed.");
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UseUtcInstants();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(b =>
        {
            b.ToTable("meetings");
            b.HasIndex(m => new { m.TenantId, m.StartsAtUtc });
            b.HasIndex(m => new { m.PartnershipId, m.StartsAtUtc });
            b.Property(m => m.Title).HasMaxLength(200);
            b.Property(m => m.Place).HasMaxLength(200);
            b.Property(m => m.VideoLink).HasMaxLength(500);
            b.Property(m => m.CancellationReason).HasMaxLength(Meeting.MaxReasonLength);
            b.Ignore(m => m.Agenda);
            b.Ignore(m => m.CurrentItem);
            b.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(m => m.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(m => m.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<MeetingParticipant>(b =>
        {
            b.ToTable("meeting_participants");
            b.HasIndex(p => new { p.MeetingId, p.UserId }).IsUnique();
            b.HasIndex(p => p.UserId);
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.AbsenceNote).HasMaxLength(500);
        });
        modelBuilder.Entity<AgendaItem>(b =>
        {
            b.ToTable("agenda_items");
            b.HasIndex(i => i.MeetingId);
            b.Property(i => i.Title).HasMaxLength(300);
            b.Property(i => i.WithdrawalReason).HasMaxLength(Meeting.MaxReasonLength);
            foreach (var text in new[] { nameof(AgendaItem.Background), nameof(AgendaItem.Assessment), nameof(AgendaItem.ProposedResolution), nameof(AgendaItem.AdoptedResolution), nameof(AgendaItem.MinutesNote) })
            {
                b.Property(text).HasMaxLength(AgendaItem.MaxTextLength);
            }

            b.OwnsMany(i => i.Links, l =>
            {
                l.ToTable("agenda_item_links");
                l.WithOwner().HasForeignKey("ItemId");
                l.Property<int>("Id");
                l.HasKey("Id");
                l.Property(x => x.Label).HasMaxLength(300);
            });
            b.Navigation(i => i.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasMany(i => i.Conflicts).WithOne().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(i => i.Conflicts).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasMany(i => i.Attachments).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(i => i.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<AgendaAttachment>(b =>
        {
            b.ToTable("agenda_item_attachments");
            b.HasIndex(a => a.ItemId);
            b.Property(a => a.FileName).HasMaxLength(AgendaAttachment.MaxFileNameLength);
            b.Property(a => a.ContentType).HasMaxLength(100);
            b.Property(a => a.Sha256).HasMaxLength(64);
            b.Property(a => a.UploadedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<ConflictDeclaration>(b =>
        {
            b.ToTable("agenda_conflict_declarations");
            b.HasIndex(c => new { c.ItemId, c.UserId }).IsUnique();
            b.Property(c => c.Name).HasMaxLength(200);
            b.Property(c => c.Reason).HasMaxLength(500);
        });
        modelBuilder.Entity<CaseNumberCounter>(b =>
        {
            b.ToTable("case_number_counters");
            b.HasIndex(c => new { c.BodyId, c.Year }).IsUnique();
        });
        modelBuilder.Entity<MeetingComment>(b =>
        {
            // Not a navigation of Meeting: comments are their own rows, numbered per meeting by this unique index.
            b.ToTable("meeting_comments");
            b.HasIndex(c => new { c.MeetingId, c.Sequence }).IsUnique();
            b.HasIndex(c => new { c.AuthorId, c.PostedAtUtc });
            b.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<AgendaItem>().WithMany().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
            b.Property(c => c.AuthorName).HasMaxLength(200);
            b.Property(c => c.HiddenByName).HasMaxLength(200);
            b.Property(c => c.Text).HasMaxLength(MeetingComment.MaxLength);
            b.Ignore(c => c.State);
        });
        modelBuilder.Entity<MeetingPresence>(b =>
        {
            b.ToTable("meeting_presence");
            b.HasIndex(p => p.ConnectionId);
            b.HasIndex(p => new { p.MeetingId, p.SeenAtUtc });
            b.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.ConnectionId).HasMaxLength(100);
        });
        modelBuilder.Entity<MinutesPdf>(b =>
        {
            // Versions of the minutes: numbered per meeting by this unique index, never changed once ready.
            b.ToTable("meeting_minutes_pdfs");
            b.HasIndex(p => new { p.MeetingId, p.Number }).IsUnique();
            b.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.Property(p => p.ContentJson).HasMaxLength(int.MaxValue);
            b.Property(p => p.RequestedBy).HasMaxLength(200);
            b.Property(p => p.Failure).HasMaxLength(1000);
            b.Property(p => p.Sha256).HasMaxLength(64);
        });
    }
}

public sealed class MeetingsSqliteDbContext(DbContextOptions<MeetingsSqliteDbContext> options, ICurrentTenant currentTenant)
    : MeetingsDbContext(options, currentTenant);

public sealed class MeetingsPostgresDbContext(DbContextOptions<MeetingsPostgresDbContext> options, ICurrentTenant currentTenant)
    : MeetingsDbContext(options, currentTenant);

internal sealed class MeetingsSqliteFactory : IDesignTimeDbContextFactory<MeetingsSqliteDbContext>
{
    public MeetingsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<MeetingsSqliteDbContext>(DatabaseProvider.Sqlite, MeetingsDbContext.SchemaName), new AsyncLocalCurrentTenant());
}

internal sealed class MeetingsPostgresFactory : IDesignTimeDbContextFactory<MeetingsPostgresDbContext>
{
    public MeetingsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<MeetingsPostgresDbContext>(DatabaseProvider.PostgreSql, MeetingsDbContext.SchemaName), new AsyncLocalCurrentTenant());
}
