using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// With <c>DataProtection:CertificatePath</c>, the key ring in the database is stored encrypted with that certificate:
/// someone who can read the database finds no usable key, and every web node that has the certificate reads the ring.
/// Two nodes on a database of their own, so that the encrypted keys never reach the other tests' ring.
/// </summary>
public sealed class EncryptedKeyRingTests : IAsyncLifetime
{
    private const string Password = "sertifikat-for-test";
    private readonly string certificateFile = Path.Combine(Directory.CreateTempSubdirectory("biosirk-keys-").FullName, "nokler.pfx");
    private CertifiedNode? first;
    private CertifiedNode? second;

    public async Task InitializeAsync()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=BioSirk test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificateFile, certificate.Export(X509ContentType.Pfx, Password));
        }

        first = new CertifiedNode(certificateFile, Password);
        await first.InitializeAsync();
        second = new CertifiedNode(first, certificateFile, Password);
        await second.InitializeAsync();
    }

    [Fact]
    public async Task TheKeysAreStoredEncrypted_AndANodeWithTheCertificate_ReadsTheOthersSignIn()
    {
        var browser = new CookieContainer();
        using var viaFirst = KeyRingTests.Client(first!, browser);
        using var viaSecond = KeyRingTests.Client(second!, browser);
        await viaFirst.SignInAsync(Demo.HallingdalSecretary, DemoDataSeeder.Password);

        var start = await viaSecond.GetPageAsync("/rad/hallingdal"); // a 302 to /logg-inn if the second node could not read the ring
        Assert.Contains("Kari Nordby", start.Body!.TextContent);

        var stored = await KeyRingTests.StoredKeysAsync(first!.ConnectionString);
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal); // the key itself is inside the encrypted part only
        });
    }

    public async Task DisposeAsync()
    {
        if (second is not null)
        {
            await second.DisposeAsync();
        }

        if (first is not null)
        {
            await first.DisposeAsync();
        }

        Directory.Delete(Path.GetDirectoryName(certificateFile)!, recursive: true);
    }

    /// <summary>A web node whose key ring is encrypted with the certificate in <c>certificateFile</c>.</summary>
    private sealed class CertifiedNode : PortalFactory
    {
        private readonly string certificateFile;
        private readonly string password;

        public CertifiedNode(string certificateFile, string password)
            : base("biosirk_encrypted_keys") => (this.certificateFile, this.password) = (certificateFile, password);

        public CertifiedNode(PortalFactory firstNode, string certificateFile, string password)
            : base(firstNode) => (this.certificateFile, this.password) = (certificateFile, password);

        protected override void ConfigureMore(IWebHostBuilder builder)
        {
            builder.UseSetting("DataProtection:CertificatePath", certificateFile);
            builder.UseSetting("DataProtection:CertificatePassword", password);
        }
    }
}
