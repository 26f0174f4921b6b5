using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BioSirk.Portal.Platform.KeyRing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.Web.Api;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Security;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;

namespace BioSirk.Portal.Web.Hosting;

public static class WebSetup
{
    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddTransient<IStringLocalizer<SharedResource>, SharedTexts>();
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Index");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Status");
                o.Conventions.AllowAnonymousToPage("/Language");
                o.Conventions.AllowAnonymousToFolder("/Account");
                o.Conventions.AllowAnonymousToPage("/Invitation");
                o.Conventions.AuthorizeFolder("/Host", PortalPolicies.HostAdmin);
            })
            .AddMvcOptions(o =>
            {
                NorwegianModelBindingMessages.Apply(o.ModelBindingMessageProvider);
                o.ModelBinderProviders.Insert(0, new DateAndTimeBinderProvider());
                o.Filters.Add(new UnknownHandlerFilter());
                o.Filters.Add(new FormSentOnceFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [new("nb-NO"), new("en-GB")];
            o.DefaultRequestCulture = new RequestCulture("nb-NO");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddHttpContextAccessor();
        // æ, ø and å are written as they are, not as HTML entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        AddKeyRing(builder);
        services.AddPortalTenancy();
        return builder;
    }

    /// <summary>
    /// The Data Protection keys (sign-in cookies, antiforgery tokens) live in the portal's database, so that every web node
    /// and every restart reads the same ring; <c>DataProtection:KeyFolder</c> keeps them in a folder instead. With
    /// <c>DataProtection:CertificatePath</c> they are stored encrypted with that certificate, so that someone who can read
    /// the database cannot forge a sign-in.
    /// </summary>
    private static void AddKeyRing(WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("BioSirk.Portal");
        if (KeyEncryptionCertificate(builder) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        var keyFolder = builder.Configuration["DataProtection:KeyFolder"];
        if (string.IsNullOrWhiteSpace(keyFolder))
        {
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<DatabaseOptions>((options, database) => options.XmlRepository = new DatabaseKeyRepository(database));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, keyFolder)));
        }
    }

    private static X509Certificate2? KeyEncryptionCertificate(WebApplicationBuilder builder)
    {
        var path = builder.Configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var file = Path.Combine(builder.Environment.ContentRootPath, path);
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, builder.Configuration["DataProtection:CertificatePassword"]);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"DataProtection:CertificatePath: the certificate in {file} has no private key; the portal needs it to read its keys.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath: the certificate {file} could not be read ({e.Message}). Check the path and DataProtection:CertificatePassword.", e);
        }
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        // Behind a TLS-terminating proxy the scheme comes from X-Forwarded-Proto (secure cookies, HSTS, links).
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (SecuritySetup.HttpsOnlyCookies(app.Configuration, app.Environment))
        {
            app.UseMiddleware<PlainHttpRefusal>();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UsePortalApiProblems();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/lib/bootstrap",
            FileProvider = NpmFiles(app.Environment, "bootstrap"),
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/lib/signalr",
            FileProvider = NpmFiles(app.Environment, "@microsoft/signalr"),
        });
        app.UseRouting();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UsePortalJobs();
        app.MapPortalHealth();
        app.MapPortalLive();
        app.MapRazorPages();
        SessionTimeout.MapKeepAlive(app);
        app.MapPortalApi();
        app.MapGet("/css/sluttrapport.css", () => Results.Text(BioSirk.Portal.Reporting.Documents.ReportStylesheet.Css, "text/css; charset=utf-8"))
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Bootstrap and the SignalR client come from npm (etc/run.sh and etc/test.sh run `npm ci`); they are served straight
    /// from node_modules.
    /// </summary>
    private static PhysicalFileProvider NpmFiles(IWebHostEnvironment environment, string package)
    {
        var dist = Path.Combine(environment.ContentRootPath, "node_modules", package, "dist");
        if (!Directory.Exists(dist))
        {
            throw new InvalidOperationException(
                $"The npm package {package} is missing ({dist}). Run `npm ci` in {environment.ContentRootPath}, or start the portal with etc/run.sh, which does it.");
        }

        return new PhysicalFileProvider(dist);
    }
}
