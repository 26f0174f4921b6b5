namespace BioSirk.Portal.SharedKernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>"Database" section: which provider; the connection string is ConnectionStrings:Portal.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/biosirk.db";
}
