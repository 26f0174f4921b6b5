namespace BioSirk.Portal.Web.Pages.Shared.Indicators;

/// <summary>
/// Why nothing can be changed here (an agreement whose final report is approved), in place of the forms; and when a
/// form from a page opened before was sent anyway, what it held, to copy, as it was not saved.
/// </summary>
/// <param name="Notice">The reason, in the reader's language.</param>
/// <param name="Refused">A form was sent and refused (409): the notice is announced at once (role=alert).</param>
public sealed record PlanClosedView(string Notice, IReadOnlyList<(string Label, string Text)> Unsent, bool Refused)
{
    /// <summary>The fields that were filled in, trimmed, by their labels (bokmål, translated where shown).</summary>
    public static IReadOnlyList<(string Label, string Text)> Typed(params (string Label, string? Text)[] fields) =>
        [.. fields.Where(f => !string.IsNullOrWhiteSpace(f.Text)).Select(f => (f.Label, f.Text!.Trim()))];
}
