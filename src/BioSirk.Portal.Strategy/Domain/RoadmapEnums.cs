namespace BioSirk.Portal.Strategy.Domain;

/// <summary>The four development phases of industrial symbiosis (seed 003): each action sits in one.</summary>
public enum DevelopmentPhase
{
    Mapping = 1,
    SelectionAndMobilisation = 2,
    Implementation = 3,
    Learning = 4,
}

public enum ActionStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>The responsible person's judgement of progress; ordered from best to worst so that Max() is the worst.</summary>
public enum ProgressJudgement
{
    OnTrack = 0,
    AtRisk = 1,
    Late = 2,
}

public enum AdoptionOutcome
{
    Adopted = 1,
    AdoptedWithChanges = 2,
    NotAdopted = 3,
}

public enum ActionLinkKind
{
    Agreement = 1,
    Indicator = 2,
    MeetingItem = 3,
}

/// <summary>The Norwegian names used on every page, in exports and in version snapshots.</summary>
public static class RoadmapTexts
{
    public static string Phase(DevelopmentPhase phase) => phase switch
    {
        DevelopmentPhase.Mapping => "1 Kartlegging",
        DevelopmentPhase.SelectionAndMobilisation => "2 Utvelgelse og mobilisering",
        DevelopmentPhase.Implementation => "3 Implementering",
        DevelopmentPhase.Learning => "4 Læring",
        _ => phase.ToString(),
    };

    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Ikke startet",
        ActionStatus.InProgress => "Pågår",
        ActionStatus.Done => "Fullført",
        ActionStatus.Cancelled => "Avlyst",
        _ => status.ToString(),
    };

    public static string Judgement(ProgressJudgement judgement) => judgement switch
    {
        ProgressJudgement.OnTrack => "I rute",
        ProgressJudgement.AtRisk => "Risiko for forsinkelse",
        ProgressJudgement.Late => "Forsinket",
        _ => judgement.ToString(),
    };

    public static string Outcome(AdoptionOutcome outcome) => outcome switch
    {
        AdoptionOutcome.Adopted => "Vedtatt",
        AdoptionOutcome.AdoptedWithChanges => "Vedtatt med endringer",
        AdoptionOutcome.NotAdopted => "Ikke vedtatt",
        _ => outcome.ToString(),
    };

    public static string LinkKind(ActionLinkKind kind) => kind switch
    {
        ActionLinkKind.Agreement => "Avtale",
        ActionLinkKind.Indicator => "Indikator",
        ActionLinkKind.MeetingItem => "Møtesak",
        _ => kind.ToString(),
    };
}
