using System.Globalization;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BioSirk.Portal.Web.Hosting;

/// <summary>
/// Dates and times as people write them: the date field's yyyy-mm-dd, or dd.mm.åååå typed by hand where the browser
/// has no date picker; 10:00 or 10.00 for a time. A value that is no date or time gets one message in bokmål that says
/// how to write it (model binding's own message would name the C# property).
/// </summary>
public sealed class DateAndTimeBinderProvider : IModelBinderProvider
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "d.M.yy"];
    private static readonly string[] TimeFormats = ["H:mm", "H.mm", "HH:mm:ss"];

    /// <summary>A year such as 9999 is a typing error, refused in every form before a page computes with it.</summary>
    private const string PlausibleYears = "Årstallet i {0} kan ikke stemme. Skriv en dato mellom 1900 og 2099.";

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (type == typeof(DateOnly))
        {
            return new TextBinder(text => DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
                "«{0}» er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.",
                value => PlausibleDates.Contains((DateOnly)value) ? null : (PlausibleYears, Norwegian.Date((DateOnly)value)));
        }

        if (type == typeof(TimeOnly))
        {
            return new TextBinder(text => TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null,
                "«{0}» er ikke et gyldig klokkeslett. Skriv det som tt:mm, for eksempel 09:30.");
        }

        return null;
    }

    private sealed class TextBinder(Func<string, object?> parse, string invalid, Func<object, (string Format, string Value)?>? refusal = null) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (posted == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
            var text = posted.FirstValue?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                bindingContext.Result = ModelBindingResult.Success(null); // empty: the form's own rule says it is needed
            }
            else if (parse(text) is not { } value)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, PageTexts.Of(bindingContext.HttpContext)[invalid, text]);
            }
            else if (refusal?.Invoke(value) is { } refused)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, PageTexts.Of(bindingContext.HttpContext)[refused.Format, refused.Value]);
            }
            else
            {
                bindingContext.Result = ModelBindingResult.Success(value);
            }

            return Task.CompletedTask;
        }
    }
}
