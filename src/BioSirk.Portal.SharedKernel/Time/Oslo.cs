namespace BioSirk.Portal.SharedKernel.Time;

/// <summary>Norway's clock: the UI shows and takes Europe/Oslo times; the database keeps UTC.</summary>
public static class Oslo
{
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static DateTime ToOslo(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public static DateTime ToUtc(DateTime osloLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(osloLocal, DateTimeKind.Unspecified), TimeZone);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToOslo(utc));

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToOslo(clock.GetUtcNow().UtcDateTime));
}
