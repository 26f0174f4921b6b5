using BioSirk.Portal.Meetings.Domain;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>What the agenda item form posts, as typed.</summary>
public sealed class ItemInput
{
    public string? Title { get; set; }

    public string? Background { get; set; }

    public string? Assessment { get; set; }

    public string? ProposedResolution { get; set; }

    public string? AdoptedResolution { get; set; }

    public List<string> Links { get; set; } = [];

    public string? ConcurrencyStamp { get; set; }

    public AgendaItemText ToText() => new(Title, Background, Assessment, ProposedResolution, AdoptedResolution);

    public static ItemInput From(AgendaItem item) => new()
    {
        Title = item.Title,
        Background = item.Background,
        Assessment = item.Assessment,
        ProposedResolution = item.ProposedResolution,
        AdoptedResolution = item.AdoptedResolution,
        Links = item.Links.Select(l => $"{l.Kind}:{l.TargetId}").ToList(),
        ConcurrencyStamp = item.ConcurrencyStamp,
    };
}

public sealed record ItemFormView(ItemInput Input, IReadOnlyList<AgendaLinkTarget> Targets, string SubmitText);
