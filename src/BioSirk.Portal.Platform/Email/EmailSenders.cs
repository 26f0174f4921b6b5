using BioSirk.Portal.Platform.Contracts;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BioSirk.Portal.Platform.Email;

/// <summary>"Email" section. Without an SMTP host, mail is written as .eml files to the pickup folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "BioSirk Portal <noreply@biosirk.local>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>
    /// The address people open the portal at; the links in e-mails start with it. Required with SMTP; without it
    /// (the embedded default, mail to the pickup folder) the address of etc/run.sh.
    /// </summary>
    public string? PortalUrl { get; set; }

    public const string LocalPortalUrl = "http://localhost:5080";

    public bool IsSmtpConfigured => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>
    /// The address links to the portal start with. Never the request's Host header: a client chooses that, and a link
    /// in an e-mail to someone else must not lead to where the client says.
    /// </summary>
    public string PortalAddress => string.IsNullOrWhiteSpace(PortalUrl) ? LocalPortalUrl : PortalUrl.TrimEnd('/');

    /// <summary>A portal path ("/rad/…") as a link that works from an e-mail.</summary>
    public string AbsoluteLink(string path) => path.StartsWith('/') ? PortalAddress + path : path;

    /// <summary>Stops the start when mail would carry links to an unknown address.</summary>
    public void Validate()
    {
        if (IsSmtpConfigured && !Uri.TryCreate(PortalUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException(
                "Email:PortalUrl must be set to the portal's public address (for example https://biosirk.example.no) when Email:SmtpHost is: " +
                "the e-mails link to it. See etc/config/README.md.");
        }
    }
}

internal static class Messages
{
    public static MimeMessage Create(EmailOptions options, string to, string subject, string textBody)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = textBody };
        return message;
    }
}

internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        // Not MailKit's two minutes: a person's action waits for the first attempt (EmailOutbox), and the job retries.
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(15).TotalMilliseconds };
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(Messages.Create(settings, to, subject, textBody), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

internal sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.PickupFolder);
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        await Messages.Create(options.Value, to, subject, textBody).WriteToAsync(Path.Combine(folder, name), cancellationToken);
    }
}
