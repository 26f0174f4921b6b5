using BioSirk.Portal.SharedKernel.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

public static class TermsErrors
{
    /// <summary>
    /// Shows the numbers that could not be read and the rules' messages beside the fields ("Input.…"); a field with
    /// an unreadable number gets only that message, not also "fill in".
    /// </summary>
    public static void Show(ModelStateDictionary modelState, IReadOnlyList<FieldError> parseErrors, IReadOnlyList<FieldError> ruleErrors)
    {
        var unreadable = parseErrors.Select(e => e.Field).ToHashSet();
        foreach (var error in parseErrors.Concat(ruleErrors.Where(e => !unreadable.Contains(e.Field))))
        {
            modelState.AddModelError(error.Field.Length == 0 ? string.Empty : "Input." + error.Field, error.Message);
        }
    }
}
