using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>The "new agreement" post, the same for the council and the county page: read, validate, draft or show why not.</summary>
public static class DraftForm
{
    /// <param name="command">The draft command for the terms, or null when the other party is not chosen (the page has said so).</param>
    /// <returns>The new agreement's id, or null with the messages in <paramref name="modelState"/>.</returns>
    public static async Task<Guid?> TryDraftAsync(
        ModelStateDictionary modelState, TermsInput input, DraftAgreement draft, Func<AgreementTerms, DraftAgreementCommand?> command)
    {
        var parseErrors = new List<FieldError>();
        var terms = input.ToTerms(parseErrors);
        var draftCommand = parseErrors.Count == 0 ? command(terms) : null;
        if (draftCommand is not null)
        {
            var result = await draft.HandleAsync(draftCommand);
            if (result.Succeeded)
            {
                return result.Value;
            }

            parseErrors.AddTo(result.Errors, modelState, "Input");
        }
        else
        {
            parseErrors.AddTo(AgreementRules.Validate(terms), modelState, "Input");
        }

        input.Pad();
        return null;
    }
}
