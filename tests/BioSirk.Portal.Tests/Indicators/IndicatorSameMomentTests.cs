using System.Net;
using System.Text;
using BioSirk.Portal.Indicators.Data;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Indicators.IndicatorSteps;
using static BioSirk.Portal.Tests.Infrastructure.HeldLocks;

namespace BioSirk.Portal.Tests.Indicators;

/// <summary>
/// Measurements written at the same moment, made deterministic: the test holds the indicator's row in its own transaction
/// until both requests have checked the measurements there are and wait to write (<see cref="HeldLocks"/>). A second
/// measurement on a date that has one is asked about on the form and refused by the import; a measurement registered or
/// imported renews the indicator's stamp, so that the second of two at the same moment is told instead of slipping past that check.
/// </summary>
public sealed class IndicatorSameMomentTests(PortalFactory portal) : PortalTest(portal)
{
    private const string MeasurementForm = "form#register-measurement";

    [Fact]
    public async Task TwoMeasurementsOnTheSameDateAtTheSameMoment_AreNotBothStoredUnasked()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        var pageA = await kari.GetPageAsync(Url(id));
        var pageB = await otherTab.GetPageAsync(Url(id));

        // Holds the indicator's row: both have found no measurement on 20.02.2026 (nothing to ask about) and wait to save theirs.
        var answers = await Portal.AtTheSameMomentAsync(IndicatorRow,
            () => kari.SubmitAsync(pageA, Url(id), MeasurementForm, Measurement("150")),
            () => otherTab.SubmitAsync(pageB, Url(id), MeasurementForm, Measurement("160")),
            ("indicator", id));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Equal(1, await MeasurementsOnAsync(new DateOnly(2026, 2, 20)));
        var loser = answers.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        var page = await PortalClient.ReadAsync(loser);
        Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
        Assert.Contains("Noen andre har endret indikatoren mens du arbeidet.", page.GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(loser == answers[0] ? "150" : "160", page.FieldValue("Measurement.Value"));
    }

    [Fact]
    public async Task ImportAtTheSameMomentAsARegistrationOfTheSameDate_DoesNotStoreTheDateTwice()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        var page = await kari.GetPageAsync(Url(id));

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the indicator's row: the file's date has no measurement yet, nor has the form's; both wait to save.
        await LockIndicatorAsync(holder, tx, id);
        var register = kari.SubmitAsync(page, Url(id), MeasurementForm, Measurement("150"));
        await Portal.WaitUntilBlockedAsync(holder, 1, register);
        var import = ImportAsync(otherTab, Url(id), Encoding.UTF8.GetBytes("Dato;Verdi;Kilde\n20.02.2026;160;Produksjonsrapport\n"), "biokull.csv");
        await Portal.WaitUntilBlockedAsync(holder, 2, register, import);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(register, import);

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Equal(1, await MeasurementsOnAsync(new DateOnly(2026, 2, 20)));
        var refused = answers.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Noen andre har endret indikatoren mens du arbeidet.", (await PortalClient.ReadAsync(refused)).GetElementById("error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndicatorEditedWhileAMeasurementIsDeleted_BothStand()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        using var otherTab = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var id = await CreateAsync(kari);
        await ExpectRedirectAsync(await MeasureAsync(kari, Url(id), "2026-02-20", "150"));
        var edit = await kari.FormValuesAsync(Url(id) + "/rediger", "main form");
        edit["Input.TargetValue"] = "250";
        var measurementId = (await otherTab.GetPageAsync(Url(id))).QuerySelector("[data-testid=measurement-rows] form[action*=DeleteMeasurement] input[name=measurementId]")!
            .GetAttribute("value")!;
        var token = await otherTab.TokenAsync(Url(id));

        await using var holder = await Portal.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        // Holds the indicator's row: the edit waits to save; the deletion does not touch the indicator's row.
        await LockIndicatorAsync(holder, tx, id);
        var save = kari.PostFormAsync(Url(id) + "/rediger", edit);
        await Portal.WaitUntilBlockedAsync(holder, 1, save);
        var delete = otherTab.Http.PostAsync(Url(id) + "?handler=DeleteMeasurement",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["measurementId"] = measurementId }));
        await Portal.WaitUntilBlockedOrDoneAsync(holder, 2, delete);
        await tx.RollbackAsync();
        var answers = await Task.WhenAll(save, delete);

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (target, measurements) = await Portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IndicatorsDbContext>();
            var indicator = await db.Indicators.IgnoreQueryFilters().Include(i => i.Measurements).SingleAsync(i => i.Id == id);
            return (indicator.TargetValue, indicator.Measurements.Count);
        });
        Assert.Equal(250m, target);
        Assert.Equal(0, measurements);
    }

    private static Dictionary<string, string> Measurement(string value) => new()
    {
        ["Measurement.Date"] = "2026-02-20", ["Measurement.Value"] = value, ["Measurement.Source"] = "Produksjonsrapport", ["Measurement.Comment"] = "",
    };

    private const string IndicatorRow = """SELECT 1 FROM indicators.indicators WHERE "Id" = @indicator FOR UPDATE""";

    private static Task LockIndicatorAsync(Npgsql.NpgsqlConnection holder, Npgsql.NpgsqlTransaction tx, Guid id) =>
        ExecuteAsync(holder, tx, IndicatorRow, ("indicator", id));

    private Task<int> MeasurementsOnAsync(DateOnly date) =>
        Portal.WithScopeAsync(sp => sp.GetRequiredService<IndicatorsDbContext>().Measurements.IgnoreQueryFilters().CountAsync(m => m.Date == date));
}
