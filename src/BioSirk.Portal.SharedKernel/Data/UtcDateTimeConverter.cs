using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BioSirk.Portal.SharedKernel.Data;

/// <summary>
/// Instants are stored as UTC <see cref="DateTime"/> (SQLite cannot order DateTimeOffset); this makes every value
/// read back carry <see cref="DateTimeKind.Utc"/>, which Npgsql's timestamptz also requires on write.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public static class ConventionExtensions
{
    public static void UseUtcInstants(this ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
