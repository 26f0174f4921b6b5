namespace BioSirk.Portal.SharedKernel.Data;

/// <summary>
/// An editable row. The stamp is renewed on every save and checked by EF Core, so a stale edit fails instead of
/// overwriting someone else's change. A string stamp works the same on SQLite and PostgreSQL.
/// </summary>
public interface IConcurrencyAware
{
    string ConcurrencyStamp { get; set; }
}
