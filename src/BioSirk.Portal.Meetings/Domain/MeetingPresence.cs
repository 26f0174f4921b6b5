using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Meetings.Domain;

/// <summary>
/// One open connection of a person following a meeting page live. Rows, not memory, so that every portal node sees
/// who is present on every other. A node refreshes <see cref="SeenAtUtc"/> of its own connections while they are open;
/// a row not refreshed for a while belongs to a node that is gone and no longer counts.
/// </summary>
public sealed class MeetingPresence : ITenantOwned, IPartnershipShared
{
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromMinutes(1);

    /// <summary>Three missed refreshes: the connection's node is gone.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(3);

    private MeetingPresence()
    {
    }

    public MeetingPresence(Meeting meeting, Guid userId, string name, string connectionId, DateTime nowUtc)
    {
        MeetingId = meeting.Id;
        TenantId = meeting.TenantId;
        PartnershipId = meeting.PartnershipId;
        UserId = userId;
        Name = name;
        ConnectionId = connectionId;
        SeenAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid MeetingId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string ConnectionId { get; private set; } = string.Empty;

    public DateTime SeenAtUtc { get; private set; }
}
