using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Reporting.Domain;
using BioSirk.Portal.Reporting.Features;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;

namespace BioSirk.Portal.Tests.Api;

/// <summary>The final report's status and the approved PDF through the API, read with the same queries and file store as the pages.</summary>
public sealed class ApiFinalReportTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task BeforeApproval_TheStatusShowsTheDeliveredVersionAndItsPdf_ButThereIsNoApprovedPdfToDownload()
    {
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var fresh = await HallingdalAgreementAsync(Portal);
        var agreementId = await SubmittedReportAsync();
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(buskerud, Demo.BuskerudOfficer));

        var none = await Json(await http.GetAsync($"/api/v1/agreements/{fresh}/final-report"));
        var submitted = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/final-report"));
        var download = await http.GetAsync($"/api/v1/agreements/{agreementId}/final-report/pdf");

        Assert.Equal("Draft", none.GetProperty("status").GetString());
        Assert.Empty(none.GetProperty("versions").EnumerateArray());
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        var version = Assert.Single(submitted.GetProperty("versions").EnumerateArray());
        Assert.Equal(1, version.GetProperty("version").GetInt32());
        Assert.Equal("Pending", version.GetProperty("decision").GetString());
        Assert.Equal("Ready", version.GetProperty("pdf").GetProperty("state").GetString());
        Assert.Equal(64, version.GetProperty("pdf").GetProperty("sha256").GetString()!.Length);
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("approvedPdfUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Sluttrapporten har ingen godkjent PDF ennå.", (await Json(download)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AfterApproval_TheCouncilAndTheCountysClient_DownloadTheApprovedPdf_WhoseHashIsTheOneListed()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var agreementId = await SubmittedReportAsync();
        await ApproveAsync(agreementId);

        foreach (var token in new[] { ApiTokens.App(buskerud, "Agreements.Read"), ApiTokens.Person(hallingdal, Demo.HallingdalMember) })
        {
            using var http = Portal.CreateClient().WithToken(token);
            var status = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/final-report"));
            var download = await http.GetAsync(status.GetProperty("approvedPdfUrl").GetString());

            Assert.Equal("Approved", status.GetProperty("status").GetString());
            var version = Assert.Single(status.GetProperty("versions").EnumerateArray());
            Assert.Equal("Approved", version.GetProperty("decision").GetString());
            Assert.Equal("Sigrid Fylke", version.GetProperty("decidedBy").GetString());
            Assert.NotEqual(JsonValueKind.Null, version.GetProperty("decidedAtUtc").ValueKind);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(version.GetProperty("pdf").GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            using var pdf = PdfDocument.Open(bytes);
            Assert.Contains("Sluttrapport", string.Concat(pdf.GetPages().Select(p => p.Text)));
        }
    }

    [Fact]
    public async Task AReturnedReport_IsReturned_AndHasNoApprovedPdf()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await SubmittedReportAsync();
        await InCountyAsync(sp => sp.GetRequiredService<DecideFinalReport>().ReturnAsync(new ReturnReportCommand(agreementId, 1, "Mer om resultatene.",
            new Dictionary<ReportSection, string?>(), new ReportActor(Guid.NewGuid(), "Sigrid Fylke"))));
        using var http = Portal.CreateClient().WithToken(ApiTokens.App(hallingdal, "Agreements.Read"));

        var status = await Json(await http.GetAsync($"/api/v1/agreements/{agreementId}/final-report"));

        Assert.Equal("Returned", status.GetProperty("status").GetString());
        Assert.Equal("Mer om resultatene.", status.GetProperty("versions")[0].GetProperty("decisionComment").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/agreements/{agreementId}/final-report/pdf")).StatusCode);
    }

    [Fact]
    public async Task AnotherCountysOfficer_AndAClientWithoutARole_GetNoReport()
    {
        var buskerud = await ApiTokens.ConnectAsync(Portal, "buskerud", county: true);
        var innlandet = await ApiTokens.ConnectAsync(Portal, "innlandet", county: true);
        var agreementId = await SubmittedReportAsync();
        await ApproveAsync(agreementId);
        using var otherCounty = Portal.CreateClient().WithToken(ApiTokens.Person(innlandet, Demo.InnlandetOfficer));
        using var noRole = Portal.CreateClient().WithToken(ApiTokens.App(buskerud, "Something.Else"));

        foreach (var url in new[] { $"/api/v1/agreements/{agreementId}/final-report", $"/api/v1/agreements/{agreementId}/final-report/pdf" })
        {
            var notFound = await otherCounty.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Forbidden, (await noRole.GetAsync(url)).StatusCode);
        }
    }

    /// <summary>A Hallingdal agreement whose final report is submitted (version 1) and printed, through the use cases.</summary>
    private Task<Guid> SubmittedReportAsync() => Portal.WithScopeAsync(async sp =>
    {
        var hallingdal = await sp.GetRequiredService<PlatformDbContext>().Tenants.IgnoreQueryFilters().SingleAsync(t => t.Slug == "hallingdal");
        using var scope = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(hallingdal.Id));
        var agreement = await VictimAgreement.CreateAsync(sp, hallingdal.Id);
        await VictimReport.CreateAsync(sp, agreement.AgreementId);
        return agreement.AgreementId;
    });

    private Task ApproveAsync(Guid agreementId) => InCountyAsync(sp => sp.GetRequiredService<DecideFinalReport>().ApproveAsync(
        new ApproveReportCommand(agreementId, 1, null, new ReportActor(Guid.NewGuid(), "Sigrid Fylke"))));

    /// <summary>Runs a decision of Buskerud's officer, as the county's page does.</summary>
    private Task<bool> InCountyAsync(Func<IServiceProvider, Task<Result?>> decide) => Portal.WithScopeAsync(async sp =>
    {
        var county = await sp.GetRequiredService<PlatformDbContext>().Counties.IgnoreQueryFilters().SingleAsync(c => c.Slug == "buskerud");
        using var scope = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForCounty(county.Id));
        var result = await decide(sp);
        Assert.True(result is { Succeeded: true }, string.Join(", ", result?.Errors.Select(e => e.Message) ?? ["null"]));
        return true;
    });
}
