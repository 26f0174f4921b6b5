using System.Text.Json;
using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>Writes the agreement's own history: the readable steps, and the signed versions with what changed.</summary>
internal static class AgreementJournal
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Record(AgreementsDbContext db, Agreement agreement, string byName, DateTime nowUtc, Phrase text) =>
        db.Events.Add(new AgreementEvent(agreement, nowUtc, byName, text));

    /// <summary>Each payment that has fallen due on its date; true when there was one.</summary>
    public static bool RecordDue(AgreementsDbContext db, Agreement agreement, IReadOnlyList<PaymentMilestone> due, string byName, DateTime nowUtc)
    {
        foreach (var milestone in due)
        {
            Record(db, agreement, byName, nowUtc, Phrase.Of("«{0}» forfalt {1} og kan utbetales: {2}.",
                milestone.Name, Norwegian.Date(milestone.DueDate!.Value), Norwegian.Kroner(milestone.Amount!.Value)));
        }

        return due.Count > 0;
    }

    public static string Serialize(AgreementTerms terms) => JsonSerializer.Serialize(terms, Json);

    public static AgreementTerms Deserialize(string termsJson) => JsonSerializer.Deserialize<AgreementTerms>(termsJson, Json)!;

    public static void RecordVersion(AgreementsDbContext db, Agreement agreement, AgreementTerms? previous, string? reason, string byName, DateTime nowUtc)
    {
        var terms = agreement.ToTerms();
        var changes = previous is null ? [] : TermsDiff.Between(previous, terms);
        db.Versions.Add(new AgreementVersion(agreement, Serialize(terms), reason, JsonSerializer.Serialize(changes, Json), nowUtc, byName));
    }
}

public sealed record TermChange(string Field, string Old, string New);

/// <summary>What changed between two versions of the terms, field by field, in words.</summary>
public static class TermsDiff
{
    public static IReadOnlyList<TermChange> Between(AgreementTerms before, AgreementTerms after)
    {
        var changes = new List<TermChange>();
        void Compare(string field, object? a, object? b)
        {
            var old = Text(a);
            var now = Text(b);
            if (old != now)
            {
                changes.Add(new TermChange(field, old, now));
            }
        }

        Compare("Tittel", before.Title, after.Title);
        Compare("Formål", before.Purpose, after.Purpose);
        Compare("Delmål", before.SubGoals, after.SubGoals);
        Compare("Kontaktperson i fylket", before.CountyContactName, after.CountyContactName);
        Compare("Kontaktperson i rådet", before.CouncilContactName, after.CouncilContactName);
        Compare("Periode fra", before.PeriodStart, after.PeriodStart);
        Compare("Periode til", before.PeriodEnd, after.PeriodEnd);
        Compare("Frist for aktiviteter", before.ActivitiesDeadline, after.ActivitiesDeadline);
        Compare("Frist for sluttrapport", before.ReportDeadline, after.ReportDeadline);
        Compare("Ramme", before.FrameAmount, after.FrameAmount);
        Compare("Timepris", before.HourRate, after.HourRate);
        Compare("Direkte kostnader", before.DirectCostRule, after.DirectCostRule);
        Compare("Fakturamerking", before.InvoiceText, after.InvoiceText);
        Compare("Bestillernummer", before.OrderNumber, after.OrderNumber);
        Compare("Prosjektnummer", before.ProjectNumber, after.ProjectNumber);
        Compare("Dokumentasjon", before.RequiredDocumentation, after.RequiredDocumentation);
        Compare("Vilkår", before.Terms, after.Terms);
        Compare("Utbetalinger", string.Join("; ", before.Milestones.Select(Milestone)), string.Join("; ", after.Milestones.Select(Milestone)));
        Compare("Arbeidsgruppe", string.Join("; ", before.WorkingGroup.Select(w => $"{w.Name} ({w.Role})")),
            string.Join("; ", after.WorkingGroup.Select(w => $"{w.Name} ({w.Role})")));
        return changes;
    }

    /// <summary>The words a trigger is written with in the change log («ved signering»); a dated one shows its date when it has one.</summary>
    public static string TriggerWords(MilestoneTrigger? trigger) => trigger switch
    {
        MilestoneTrigger.AtSigning => "ved signering",
        MilestoneTrigger.FinalReportApproved => "når sluttrapporten er godkjent",
        MilestoneTrigger.OnDate => "på en dato",
        _ => "",
    };

    /// <summary>«Ved signering 75 % ved signering»: the share as written (75 and 75,00 are the same), the trigger in words.</summary>
    private static string Milestone(MilestoneTerms m) =>
        $"{m.Name} {m.SharePercent?.ToString("0.##", SharedKernel.Formatting.Norwegian.Culture)} % {(m is { Trigger: MilestoneTrigger.OnDate, DueDate: { } due }
            ? SharedKernel.Formatting.Norwegian.Date(due)
            : TriggerWords(m.Trigger))}";

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text.ReplaceLineEndings("\n").Trim(), // a browser sends a textarea's lines with \r\n: not a change
        DateOnly d => SharedKernel.Formatting.Norwegian.Date(d),
        decimal m => SharedKernel.Formatting.Norwegian.Kroner(m),
        _ => value.ToString() ?? "",
    };
}
