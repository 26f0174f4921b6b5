using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using BioSirk.Portal.SharedKernel.Pdf;

namespace BioSirk.Portal.Reporting.Data;

public class ReportingDbContext(DbContextOptions options, ICurrentTenant currentTenant) : ModuleDbContext(options, currentTenant)
{
    public const string SchemaName = "reporting";

    public DbSet<FinalReport> Reports => Set<FinalReport>();

    public DbSet<ReportSubmission> Submissions => Set<ReportSubmission>();

    public DbSet<ReportPdf> Pdfs => Set<ReportPdf>();

    protected override string Schema => SchemaName;

    /// <summary>A submitted version is never changed except by the county's decision, and never deleted.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changedContent = ChangeTracker.Entries<ReportSubmission>()
            .Any(e => e.State == EntityState.Deleted || (e.State == EntityState.Modified && e.Property(s => s.ContentJson).IsModified));
        var changedPdf = ChangeTracker.Entries<ReportPdf>()
            .Any(e => e.State == EntityState.Deleted || (e.State == EntityState.Modified && e.OriginalValues.GetValue<PdfState>(nameof(ReportPdf.State)) == PdfState.Ready));
        if (changedContent || changedPdf)
        {
            throw new InvalidOperationException("A submitted report version and a finished PDF cannot be changed.");
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
        modelBuilder.Entity<FinalReport>(b =>
        {
            b.ToTable("final_reports");
            b.HasIndex(r => r.AgreementId).IsUnique();
            b.Property(r => r.AgreementTitle).HasMaxLength(300);
            b.Property(r => r.CouncilName).HasMaxLength(200);
            foreach (var section in new[] { nameof(FinalReport.Activities), nameof(FinalReport.Results), nameof(FinalReport.Deviations), nameof(FinalReport.UseOfFunds), nameof(FinalReport.FurtherWork) })
            {
                b.Property(section).HasMaxLength(ReportRules.MaxSectionLength);
            }

            b.Property(r => r.LastEditedBy).HasMaxLength(200);
            b.Ignore(r => r.Sections);
            b.OwnsMany(r => r.Attachments, a =>
            {
                a.ToTable("final_report_attachments");
                a.WithOwner().HasForeignKey("ReportId");
                a.Property<int>("Id");
                a.HasKey("Id");
                a.Property(x => x.FileName).HasMaxLength(260);
                a.Property(x => x.ContentType).HasMaxLength(100);
                a.Property(x => x.Sha256).HasMaxLength(64);
                a.Property(x => x.UploadedBy).HasMaxLength(200);
            });
            b.Navigation(r => r.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<ReportSubmission>(b =>
        {
            b.ToTable("report_submissions");
            b.HasIndex(s => new { s.ReportId, s.Version }).IsUnique();
            b.HasIndex(s => s.AgreementId);
            b.Property(s => s.ContentJson).HasMaxLength(int.MaxValue);
            b.Property(s => s.SubmittedBy).HasMaxLength(200);
            b.Property(s => s.DecidedBy).HasMaxLength(200);
            b.Property(s => s.DecisionComment).HasMaxLength(ReportRules.MaxCommentLength);
            b.OwnsOne(s => s.Timesheet, t =>
            {
                t.Property(x => x.FileName).HasMaxLength(260);
                t.Property(x => x.ContentType).HasMaxLength(100);
                t.Property(x => x.Sha256).HasMaxLength(64);
            });
            b.OwnsMany(s => s.Comments, c =>
            {
                c.ToTable("report_section_comments");
                c.WithOwner().HasForeignKey("SubmissionId");
                c.Property<int>("Id");
                c.HasKey("Id");
                c.Property(x => x.Text).HasMaxLength(ReportRules.MaxCommentLength);
            });
            b.Navigation(s => s.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<ReportPdf>(b =>
        {
            b.ToTable("report_pdfs");
            b.HasIndex(p => new { p.ReportId, p.Number }).IsUnique();
            b.HasIndex(p => p.AgreementId);
            b.Property(p => p.ContentJson).HasMaxLength(int.MaxValue);
            b.Property(p => p.RequestedBy).HasMaxLength(200);
            b.Property(p => p.Failure).HasMaxLength(1000);
            b.Property(p => p.Sha256).HasMaxLength(64);
            b.Ignore(p => p.IsDone);
        });
    }
}

public sealed class ReportingSqliteDbContext(DbContextOptions<ReportingSqliteDbContext> options, ICurrentTenant currentTenant)
    : ReportingDbContext(options, currentTenant);

public sealed class ReportingPostgresDbContext(DbContextOptions<ReportingPostgresDbContext> options, ICurrentTenant currentTenant)
    : ReportingDbContext(options, currentTenant);

internal sealed class ReportingSqliteFactory : IDesignTimeDbContextFactory<ReportingSqliteDbContext>
{
    public ReportingSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<ReportingSqliteDbContext>(DatabaseProvider.Sqlite, ReportingDbContext.SchemaName), new AsyncLocalCurrentTenant());
}

internal sealed class ReportingPostgresFactory : IDesignTimeDbContextFactory<ReportingPostgresDbContext>
{
    public ReportingPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<ReportingPostgresDbContext>(DatabaseProvider.PostgreSql, ReportingDbContext.SchemaName), new AsyncLocalCurrentTenant());
}
