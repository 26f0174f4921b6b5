using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.Platform.Features.Accounts;
using BioSirk.Portal.Platform.Features.Audit;
using BioSirk.Portal.Platform.Features.Councils;
using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BioSirk.Portal.Platform;

public static class PlatformModule
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentTenant, AsyncLocalCurrentTenant>();
        services.AddScoped<AuditingInterceptor>();
        services.AddModuleDbContext<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(database, PlatformDbContext.Schema);

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = false; // NorwegianPasswordRules: æ, ø and å are small letters too
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<NorwegianIdentityErrors>()
            .AddPasswordValidator<NorwegianPasswordRules>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<ForgetEndedSessions>();
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionAwareSecurityStampValidator>());

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        email.Validate();
        if (email.IsSmtpConfigured)
        {
            services.AddScoped<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddScoped<IEmailSender, PickupFolderEmailSender>();
        }

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(Passwords.ResetLinkHours));
        services.AddScoped<Passwords>();
        services.AddSingleton<PasswordResetQueue>();
        services.AddHostedService<PasswordResetMailer>();
        services.AddSingleton<MailServerWatch>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<DeliverQueuedEmails>();
        services.AddScoped<IPlatformDirectory, PlatformDirectory>();
        services.AddScoped<IEntraDirectory, Features.Entra.EntraDirectory>();
        services.AddScoped<Features.Entra.EntraConnections>();
        services.Configure<Files.FileStoreOptions>(configuration.GetSection(Files.FileStoreOptions.Section));
        services.AddSingleton<IFileStore, Files.DiskFileStore>();
        services.AddScoped<InviteMember>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ExpireStaleInvitations>();
        services.AddScoped<Features.Idempotency.IdempotencyKeys>();
        services.AddScoped<Features.Idempotency.DeleteExpiredIdempotencyKeys>();
        services.AddScoped<CouncilMembers>();
        services.AddScoped<ChangeMemberRoles>();
        services.AddScoped<CouncilDetails>();
        services.AddScoped<RevokeInvitation>();
        services.AddScoped<DecideMembershipRequest>();
        services.AddScoped<SignInWithMicrosoft>();
        services.AddScoped<SignInJournal>();
        services.AddScoped<HostAdministration>();
        services.AddScoped<EditOrganisations>();
        services.AddScoped<EditPartnership>();
        services.AddScoped<HostInvitations>();
        services.AddScoped<RenewInvitation>();
        services.AddScoped<InviteCountyOfficer>();
        services.AddScoped<AuditLog>();
        services.AddScoped<INotifier, Features.Notifications.Notifier>();
        services.AddScoped<Features.Notifications.MyNotifications>();
        services.AddScoped<DemoDataSeeder>();
        return services;
    }
}
