using BioSirk.Portal.Meetings.Data;
using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BioSirk.Portal.Tests.Infrastructure;

namespace BioSirk.Portal.Tests.Meetings;

/// <summary>
/// A published meeting of Hallingdal (no partnership), with one item, a conflict declaration, a comment, an attachment
/// and a finished version of its minutes, for cross-tenant probes.
/// </summary>
public static class VictimMeeting
{
    public sealed record Ids(Guid MeetingId, Guid ItemId, Guid CommentId, Guid AttachmentId, Guid ParticipantId, Guid MinutesPdfId);

    public static async Task<Ids> CreateAsync(IServiceProvider sp, Guid hallingdalId)
    {
        var member = await sp.GetRequiredService<PlatformDbContext>().Users.SingleAsync(u => u.Email == Demo.HallingdalMember);
        var db = sp.GetRequiredService<MeetingsDbContext>();
        var meeting = new Meeting(hallingdalId, Guid.Empty);
        meeting.Schedule(new MeetingDetails("Rådsmøte", new DateOnly(2026, 4, 14), new TimeOnly(10, 0), new TimeOnly(12, 0), "Gol", null));
        meeting.Invite([new Invitee(member.Id, "Ola Bakken", hallingdalId)]);
        var item = meeting.AddItem(new AgendaItemText("Budsjett 2027", "Bakgrunn", null, "Forslag", null)).Value!;
        item.DeclareConflict(meeting.Participants[0], "Styremedlem", DateTime.UtcNow);
        using var pdf = new MemoryStream("%PDF-1.4 budsjett"u8.ToArray());
        var stored = await sp.GetRequiredService<IFileStore>().SaveAsync(pdf, "budsjett.pdf", FileTypes.Pdf);
        var attachment = item.Attach(new AttachedFile(stored.FileId, stored.FileName, stored.ContentType, stored.Size, stored.Sha256), "Kari Nordby", DateTime.UtcNow).Value!;
        var counter = new CaseNumberCounter(meeting);
        meeting.Publish(counter, DateTime.UtcNow);
        db.Meetings.Add(meeting);
        db.CaseNumberCounters.Add(counter);
        var comment = new MeetingComment(meeting, item.Id, member.Id, "Ola Bakken", "Enig i forslaget.", DateTime.UtcNow);
        db.MeetingComments.Add(comment);
        var minutes = new MinutesPdf(meeting, 1, "{}", member.Id, "Kari Nordby", DateTime.UtcNow);
        await using (var file = new MemoryStream("%PDF-1.7 protokoll"u8.ToArray()))
        {
            var printed = await sp.GetRequiredService<IFileStore>().SaveAsync(file, "protokoll-1.pdf", "application/pdf");
            minutes.Complete(printed.FileId, printed.Sha256, printed.Size, DateTime.UtcNow);
        }

        db.MinutesPdfs.Add(minutes);
        await db.SaveChangesAsync();
        return new Ids(meeting.Id, item.Id, comment.Id, attachment.Id, meeting.Participants[0].Id, minutes.Id);
    }
}
