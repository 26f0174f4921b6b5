using BioSirk.Portal.Platform.Domain;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Tenancy;

/// <summary>A person's council roles in words, in the reader's language: «administrator, medlem» / «Administrator, Member».</summary>
public static class RoleText
{
    public static string Describe(TenantRoles roles, IStringLocalizer texts) => string.Join(", ", Names(roles, texts));

    /// <summary>For a sentence: «administrator og medlem», «administrator, sekretariat og medlem».</summary>
    public static string InSentence(TenantRoles roles, IStringLocalizer texts)
    {
        var names = Names(roles, texts);
        return names.Count < 2 ? names[0] : $"{string.Join(", ", names[..^1])} {texts["og"]} {names[^1]}";
    }

    public static int Count(TenantRoles roles) => System.Numerics.BitOperations.PopCount((uint)(roles & (TenantRoles.TenantAdmin | TenantRoles.Secretary | TenantRoles.Member)));

    private static List<string> Names(TenantRoles roles, IStringLocalizer texts)
    {
        var names = new List<string>();
        if (roles.HasFlag(TenantRoles.TenantAdmin))
        {
            names.Add("Administrator");
        }

        if (roles.HasFlag(TenantRoles.Secretary))
        {
            names.Add("Sekretariat");
        }

        if (roles.HasFlag(TenantRoles.Member))
        {
            names.Add("Medlem");
        }

        if (names.Count == 0)
        {
            names.Add("Ingen roller");
        }

        // The keys are the role names as labels («Medlem»); inside a Norwegian sentence they are written in lower case.
        return [.. names.Select(name => texts[name] is { ResourceNotFound: false } english ? english.Value : name.ToLowerInvariant())];
    }
}
