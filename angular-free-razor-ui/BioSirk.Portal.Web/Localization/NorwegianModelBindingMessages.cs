using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace BioSirk.Portal.Web.Localization;

/// <summary>Messages that model binding writes itself (a date that is not a date, a missing value), in bokmål.</summary>
public static class NorwegianModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueIsInvalidAccessor(value => $"«{value}» er ikke en gyldig verdi.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"«{value}» er ikke gyldig for {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Fyll ut {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Verdien mangler.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Skjemaet var tomt.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"«{value}» er ikke gyldig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Verdien er ikke gyldig.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Skriv et tall.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Verdien er ikke gyldig for {field}.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} må være et tall.");
        messages.SetValueMustNotBeNullAccessor(value => $"Fyll ut {value}.");
    }
}
