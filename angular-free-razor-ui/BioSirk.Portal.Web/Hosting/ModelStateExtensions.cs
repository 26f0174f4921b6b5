using BioSirk.Portal.SharedKernel.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BioSirk.Portal.Web.Hosting;

public static class ModelStateExtensions
{
    /// <summary>Puts a command's field errors beside the page's fields ("Email" → "Input.Email"); form-wide ones on top.</summary>
    public static void AddTo(this IReadOnlyList<FieldError> errors, ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(string.IsNullOrEmpty(error.Field) ? string.Empty : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
