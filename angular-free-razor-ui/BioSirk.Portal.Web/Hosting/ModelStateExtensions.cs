using BioSirk.Portal.SharedKernel.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BioSirk.Portal.Web.Hosting;

public static class ModelStateExtensions
{
    /// <summary>
    /// Puts a command's field errors beside the page's fields ("Email" → "Input.Email"); form-wide ones on top. A field
    /// whose value could not be read (a date that is no date) keeps that one message, not also "fill in".
    /// </summary>
    public static void AddTo(this IReadOnlyList<FieldError> errors, ModelStateDictionary modelState, string prefix)
    {
        var unreadable = Unreadable(modelState);
        foreach (var error in errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? string.Empty : $"{prefix}.{error.Field}";
            if (!unreadable.Contains(key))
            {
                modelState.AddModelError(key, error.Message);
            }
        }
    }

    /// <summary>
    /// The page's own messages first (a number it could not read), then the rules' messages for the other fields, so
    /// that a field it could not read gets that one message.
    /// </summary>
    public static void AddTo(this IReadOnlyList<FieldError> parseErrors, IReadOnlyList<FieldError> ruleErrors, ModelStateDictionary modelState, string prefix)
    {
        var unreadable = parseErrors.Select(e => e.Field).ToHashSet();
        ((IReadOnlyList<FieldError>)[.. parseErrors, .. ruleErrors.Where(e => !unreadable.Contains(e.Field))]).AddTo(modelState, prefix);
    }

    /// <summary>
    /// Forgets what model binding said about the page's other forms, but keeps each field whose typed value it could
    /// not read (a date that is no date, 31.02.2026): its message, and what was typed.
    /// </summary>
    public static void ClearAllButUnreadable(this ModelStateDictionary modelState)
    {
        var unreadable = modelState
            .Where(entry => entry.Key.Length > 0 && entry.Value is { Errors.Count: > 0, AttemptedValue.Length: > 0 })
            .Select(entry => (entry.Key, entry.Value!.RawValue, entry.Value.AttemptedValue, entry.Value.Errors[0].ErrorMessage))
            .ToList();
        modelState.Clear();
        foreach (var (key, raw, attempted, message) in unreadable)
        {
            modelState.SetModelValue(key, raw, attempted);
            modelState.AddModelError(key, message);
        }
    }

    /// <summary>The fields model binding could not read, before any rule's message is added.</summary>
    public static HashSet<string> Unreadable(ModelStateDictionary modelState) =>
        modelState.Where(entry => entry.Key.Length > 0 && entry.Value is { Errors.Count: > 0 }).Select(entry => entry.Key).ToHashSet();
}
