using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Data;

namespace BioSirk.Portal.Platform.Seeding;

/// <summary>
/// One row: which version of the whole demo data (every module's) this database was given. A start with the current
/// version leaves the data alone without asking each module, and so without building each module's model first.
/// Raise <see cref="CurrentVersion"/> when a module's demo seeding adds something an existing demo database lacks.
/// </summary>
public sealed class DemoDataStamp
{
    public const int CurrentVersion = 4; // 2: the council meeting; 3: the demo agreement's indicators; 4: its arena indicator on track

    internal const string Table = "demo_data";

    private DemoDataStamp()
    {
    }

    public DemoDataStamp(int version, DateTime seededAtUtc)
    {
        Version = version;
        SeededAtUtc = seededAtUtc;
    }

    public int Id { get; private set; } = 1;

    public int Version { get; private set; }

    public DateTime SeededAtUtc { get; private set; }

    /// <summary>True when the database already has the current demo data; read without building the model.</summary>
    public static async Task<bool> IsCurrentAsync(DatabaseOptions database, CancellationToken cancellationToken = default)
    {
        var versions = await PlainConnection.ReadColumnAsync<int>(database, PlatformDbContext.Schema, Table, "Version", cancellationToken);
        return versions is [var version] && version >= CurrentVersion;
    }

    internal void Renew(int version, DateTime seededAtUtc)
    {
        Version = version;
        SeededAtUtc = seededAtUtc;
    }
}
