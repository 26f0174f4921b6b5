using BioSirk.Portal.Platform.Domain;

namespace BioSirk.Portal.Web.Tenancy;

public static class RoleText
{
    public static string Describe(TenantRoles roles)
    {
        var names = new List<string>();
        if (roles.HasFlag(TenantRoles.TenantAdmin))
        {
            names.Add("administrator");
        }

        if (roles.HasFlag(TenantRoles.Secretary))
        {
            names.Add("sekretariat");
        }

        if (roles.HasFlag(TenantRoles.Member))
        {
            names.Add("medlem");
        }

        return names.Count == 0 ? "ingen roller" : string.Join(", ", names);
    }
}
