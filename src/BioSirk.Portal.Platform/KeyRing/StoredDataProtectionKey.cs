namespace BioSirk.Portal.Platform.KeyRing;

/// <summary>
/// One element of ASP.NET Core Data Protection's key ring (a key or its revocation) as XML: the keys that protect
/// sign-in cookies, antiforgery tokens and invitation links. In the database, so that every web node of one portal
/// reads the same ring. Written and read by <see cref="DatabaseKeyRepository"/>; this class only gives the table its shape.
/// </summary>
public sealed class StoredDataProtectionKey
{
    internal const string Table = "data_protection_keys";

    private StoredDataProtectionKey()
    {
    }

    public int Id { get; private set; }

    public string? FriendlyName { get; private set; }

    public string Xml { get; private set; } = string.Empty;
}
