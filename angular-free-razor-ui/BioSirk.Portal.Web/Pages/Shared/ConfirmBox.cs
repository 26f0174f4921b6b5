namespace BioSirk.Portal.Web.Pages.Shared;

/// <summary>What <c>_ConfirmBox</c> shows: the posted field's name, whether it is ticked, and its label and hint in bokmål.</summary>
public sealed record ConfirmBox(string Field, bool Checked, string Label, string Hint);
