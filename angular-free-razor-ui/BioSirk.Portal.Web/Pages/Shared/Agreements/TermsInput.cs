using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>
/// The agreement form as posted. Amounts and percentages come as text so that "150 000" and "7,5" are read the
/// Norwegian way and a wrong value is shown back exactly as typed.
/// </summary>
public sealed class TermsInput
{
    public const int MilestoneRows = 4;
    public const int WorkingGroupRows = 6;

    public string? Title { get; set; }

    public string? Purpose { get; set; }

    public string? SubGoals { get; set; }

    public string? CountyContactName { get; set; }

    public string? CountyContactEmail { get; set; }

    public string? CouncilOrganisationNumber { get; set; }

    public string? CouncilContactName { get; set; }

    public string? CouncilContactEmail { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public DateOnly? ActivitiesDeadline { get; set; }

    public DateOnly? ReportDeadline { get; set; }

    public string? FrameAmount { get; set; }

    public string? HourRate { get; set; }

    public string? DirectCostRule { get; set; }

    public string? InvoiceText { get; set; }

    public string? OrderNumber { get; set; }

    public string? ProjectNumber { get; set; }

    public string? RequiredDocumentation { get; set; }

    public string? Terms { get; set; }

    public List<MilestoneInput> Milestones { get; set; } = [];

    public List<WorkingGroupInput> WorkingGroup { get; set; } = [];

    public static TermsInput From(AgreementTerms t)
    {
        var input = new TermsInput
        {
            Title = t.Title,
            Purpose = t.Purpose,
            SubGoals = t.SubGoals,
            CountyContactName = t.CountyContactName,
            CountyContactEmail = t.CountyContactEmail,
            CouncilOrganisationNumber = t.CouncilOrganisationNumber,
            CouncilContactName = t.CouncilContactName,
            CouncilContactEmail = t.CouncilContactEmail,
            PeriodStart = t.PeriodStart,
            PeriodEnd = t.PeriodEnd,
            ActivitiesDeadline = t.ActivitiesDeadline,
            ReportDeadline = t.ReportDeadline,
            FrameAmount = t.FrameAmount is { } f ? NorwegianNumber.Format(f) : null,
            HourRate = t.HourRate is { } r ? NorwegianNumber.Format(r) : null,
            DirectCostRule = t.DirectCostRule,
            InvoiceText = t.InvoiceText,
            OrderNumber = t.OrderNumber,
            ProjectNumber = t.ProjectNumber,
            RequiredDocumentation = t.RequiredDocumentation,
            Terms = t.Terms,
            Milestones = t.Milestones.Select(m => new MilestoneInput
            {
                Name = m.Name,
                SharePercent = m.SharePercent is { } p ? NorwegianNumber.Format(p) : null,
                Trigger = m.Trigger,
                DueDate = m.DueDate,
            }).ToList(),
            WorkingGroup = t.WorkingGroup.Select(w => new WorkingGroupInput { Name = w.Name, Role = w.Role }).ToList(),
        };
        input.Pad();
        return input;
    }

    /// <summary>Empty rows for new milestones and working group members, so the form works without script.</summary>
    public void Pad()
    {
        while (Milestones.Count < MilestoneRows)
        {
            Milestones.Add(new MilestoneInput());
        }

        while (WorkingGroup.Count < WorkingGroupRows)
        {
            WorkingGroup.Add(new WorkingGroupInput());
        }
    }

    /// <summary>The terms, with a message for each number that could not be read.</summary>
    public AgreementTerms ToTerms(List<FieldError> parseErrors)
    {
        var milestones = new List<MilestoneTerms>();
        for (var i = 0; i < Milestones.Count; i++)
        {
            var row = Milestones[i];
            if (string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.SharePercent) && row.DueDate is null)
            {
                continue;
            }

            milestones.Add(new MilestoneTerms(row.Name, Number(row.SharePercent, $"Milestones[{i}].SharePercent", "Skriv andelen som et tall, for eksempel 75.", parseErrors),
                row.Trigger, row.DueDate));
        }

        return new AgreementTerms
        {
            Title = Title,
            Purpose = Purpose,
            SubGoals = SubGoals,
            CountyContactName = CountyContactName,
            CountyContactEmail = CountyContactEmail,
            CouncilOrganisationNumber = CouncilOrganisationNumber,
            CouncilContactName = CouncilContactName,
            CouncilContactEmail = CouncilContactEmail,
            PeriodStart = PeriodStart,
            PeriodEnd = PeriodEnd,
            ActivitiesDeadline = ActivitiesDeadline,
            ReportDeadline = ReportDeadline,
            FrameAmount = Number(FrameAmount, nameof(FrameAmount), "Skriv rammen som et beløp, for eksempel 150 000.", parseErrors, isAmount: true),
            HourRate = Number(HourRate, nameof(HourRate), "Skriv timeprisen som et beløp, for eksempel 900.", parseErrors, isAmount: true),
            DirectCostRule = DirectCostRule,
            InvoiceText = InvoiceText,
            OrderNumber = OrderNumber,
            ProjectNumber = ProjectNumber,
            RequiredDocumentation = RequiredDocumentation,
            Terms = Terms,
            Milestones = milestones,
            WorkingGroup = WorkingGroup.Select(w => new WorkingGroupMemberTerms(w.Name, w.Role)).Where(w => !w.IsEmpty).ToList(),
        };
    }

    private static decimal? Number(string? text, string field, string message, List<FieldError> errors, bool isAmount = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (isAmount ? NorwegianNumber.TryParseAmount(text, out var value) : NorwegianNumber.TryParse(text, out value))
        {
            return value;
        }

        errors.Add(new FieldError(field, isAmount ? NorwegianNumber.AmountAmbiguity(text) ?? message : message));
        return null;
    }

    public sealed class MilestoneInput
    {
        public string? Name { get; set; }

        public string? SharePercent { get; set; }

        public MilestoneTrigger? Trigger { get; set; }

        public DateOnly? DueDate { get; set; }
    }

    public sealed class WorkingGroupInput
    {
        public string? Name { get; set; }

        public string? Role { get; set; }
    }
}
