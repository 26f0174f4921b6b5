using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared;

/// <summary>
/// A field's messages for the forms that write them beside the field by hand (checkbox groups, uploads, tables), in
/// the reader's language, as the form-field tag helper and the error summary show them.
/// </summary>
public static class FieldErrors
{
    /// <summary>The field's first message, or null when the field is valid.</summary>
    public static string? FirstOf(ModelStateDictionary state, string key, IStringLocalizer texts) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? texts[entry.Errors[0].ErrorMessage].Value : null;

    /// <summary>All the field's messages in one line, or null when the field is valid.</summary>
    public static string? AllOf(ModelStateDictionary state, string key, IStringLocalizer texts) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => texts[e.ErrorMessage].Value))
            : null;
}
