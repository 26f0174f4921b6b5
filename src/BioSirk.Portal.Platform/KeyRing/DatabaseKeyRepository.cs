using System.Xml.Linq;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BioSirk.Portal.Platform.KeyRing;

/// <summary>
/// Keeps the Data Protection key ring in Platform's table <c>data_protection_keys</c>, so that web nodes behind a load
/// balancer (and a restarted node) accept each other's cookies and tokens without a shared folder. Plain SQL rather
/// than a DbContext: Data Protection reads the ring while the host starts, before any EF Core model is built
/// (<see cref="PlainConnection"/>). Data Protection calls it synchronously and caches the ring, refreshing it about
/// once a day or when it meets an unknown key.
/// </summary>
public sealed class DatabaseKeyRepository(DatabaseOptions database) : IXmlRepository
{
    private string Table => PlainConnection.QualifiedTable(database, PlatformDbContext.Schema, StoredDataProtectionKey.Table);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = PlainConnection.Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Xml\" FROM {Table} ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = PlainConnection.Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {Table} (\"FriendlyName\", \"Xml\") VALUES (@name, @xml)";
        AddParameter(command, "name", friendlyName);
        AddParameter(command, "xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
