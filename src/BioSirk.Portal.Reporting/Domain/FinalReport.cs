using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Reporting.Domain;

/// <summary>Where the final report is: written by the council, with the county, or approved.</summary>
public enum ReportStage
{
    /// <summary>Being written (also after the county returned it).</summary>
    Draft = 1,
    Submitted = 2,
    Approved = 3,
}

/// <summary>The sections the council writes; a returned report carries the county's comments on them by name.</summary>
public enum ReportSection
{
    Activities = 1,
    Results = 2,
    Deviations = 3,
    UseOfFunds = 4,
    FurtherWork = 5,
}

/// <summary>The texts of the five sections.</summary>
public sealed record ReportSections(string Activities, string Results, string Deviations, string UseOfFunds, string FurtherWork)
{
    public static ReportSections Empty { get; } = new("", "", "", "", "");

    public string this[ReportSection section] => section switch
    {
        ReportSection.Activities => Activities,
        ReportSection.Results => Results,
        ReportSection.Deviations => Deviations,
        ReportSection.UseOfFunds => UseOfFunds,
        _ => FurtherWork,
    };
}

/// <summary>
/// The final report (sluttrapport) of one agreement. The council's people write its sections (protected against
/// concurrent overwrites by the concurrency stamp); each submission freezes the report with the agreement's figures
/// and indicators as a numbered <see cref="ReportSubmission"/>; the county returns it with comments or approves it.
/// </summary>
public sealed class FinalReport : ICountyFunded, IAudited, IConcurrencyAware
{
    private readonly List<ReportAttachment> attachments = [];

    private FinalReport()
    {
    }

    public FinalReport(Guid agreementId, Guid councilId, Guid countyId, string agreementTitle, string councilName)
    {
        AgreementId = agreementId;
        TenantId = councilId;
        FunderCountyId = countyId;
        AgreementTitle = agreementTitle;
        CouncilName = councilName;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid AgreementId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FunderCountyId { get; private set; }

    public string AgreementTitle { get; private set; } = string.Empty;

    public string CouncilName { get; private set; } = string.Empty;

    public ReportStage Stage { get; private set; } = ReportStage.Draft;

    public string Activities { get; private set; } = string.Empty;

    public string Results { get; private set; } = string.Empty;

    public string Deviations { get; private set; } = string.Empty;

    public string UseOfFunds { get; private set; } = string.Empty;

    public string FurtherWork { get; private set; } = string.Empty;

    public string? LastEditedBy { get; private set; }

    public DateTime? LastEditedAtUtc { get; private set; }

    /// <summary>How many times the report has been submitted; the next submission is version + 1.</summary>
    public int SubmittedVersions { get; private set; }

    public IReadOnlyList<ReportAttachment> Attachments => attachments;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public ReportSections Sections => new(Activities, Results, Deviations, UseOfFunds, FurtherWork);

    public bool IsEditable => Stage == ReportStage.Draft;

    /// <summary>Refuses a change while the county has the report, or once it is approved, saying which.</summary>
    public Result CheckEditable() => IsEditable ? Result.Ok() : Result.Fail("", NotEditableMessage);

    public Result Write(ReportSections sections, string by, DateTime nowUtc)
    {
        if (CheckEditable() is { Succeeded: false } locked)
        {
            return locked;
        }

        var errors = ReportRules.CheckLengths(sections);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Activities = sections.Activities.Trim();
        Results = sections.Results.Trim();
        Deviations = sections.Deviations.Trim();
        UseOfFunds = sections.UseOfFunds.Trim();
        FurtherWork = sections.FurtherWork.Trim();
        LastEditedBy = by;
        LastEditedAtUtc = nowUtc;
        return Result.Ok();
    }

    public Result Attach(ReportAttachment attachment)
    {
        if (!IsEditable)
        {
            return Result.Fail("Upload", NotEditableMessage);
        }

        if (attachments.Count >= ReportRules.MaxAttachments)
        {
            return Result.Fail("Upload", $"Rapporten har allerede {ReportRules.MaxAttachments} vedlegg. Fjern et før du legger ved et nytt.");
        }

        attachments.Add(attachment);
        return Result.Ok();
    }

    public Result RemoveAttachment(Guid fileId)
    {
        if (!IsEditable)
        {
            return Result.Fail("", NotEditableMessage);
        }

        attachments.RemoveAll(a => a.FileId == fileId);
        return Result.Ok();
    }

    /// <summary>Checks the sections and moves the report to the county; the caller freezes it as the returned version number.</summary>
    public Result<int> Submit()
    {
        if (!IsEditable)
        {
            return Result<int>.Fail("", Stage == ReportStage.Submitted
                ? "Sluttrapporten er allerede levert og ligger hos fylket."
                : "Sluttrapporten er godkjent og kan ikke leveres på nytt.");
        }

        var errors = ReportRules.CheckComplete(Sections);
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        Stage = ReportStage.Submitted;
        SubmittedVersions++;
        return Result<int>.Ok(SubmittedVersions);
    }

    /// <summary>Back with the council: returned by the county (or a delivery that could not be completed).</summary>
    public void Returned() => Stage = ReportStage.Draft;

    public void Approved() => Stage = ReportStage.Approved;

    private string NotEditableMessage => Stage == ReportStage.Submitted
        ? "Sluttrapporten er levert og kan ikke endres mens fylket vurderer den. Hvis fylket sender den tilbake, kan dere endre den igjen."
        : "Sluttrapporten er godkjent og kan ikke endres.";
}

/// <summary>A document attached to the report (stored outside the web root, like vouchers).</summary>
public sealed record ReportAttachment(Guid FileId, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAtUtc);
