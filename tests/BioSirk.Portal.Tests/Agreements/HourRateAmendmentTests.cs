using System.Text;
using System.Text.RegularExpressions;
using BioSirk.Portal.Tests.Infrastructure;
using static BioSirk.Portal.Tests.Api.ApiAuthenticationTests;
using static BioSirk.Portal.Tests.Agreements.AgreementSteps;
using static BioSirk.Portal.Tests.Agreements.HallingdalLifecycleTests;

namespace BioSirk.Portal.Tests.Agreements;

/// <summary>
/// An amendment that raises the hour rate prices the hours from the day it is accepted, not the work done before it:
/// on the agreement page, in the lists, in the export and in the final report.
/// </summary>
public sealed class HourRateAmendmentTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task ARaisedHourRate_PricesTheHoursFromTheDayItWasAccepted_AndTheHoursBeforeKeepTheOldRate()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        await ExpectRedirectAsync(await RegisterHoursAsync(kari, id, "2026-03-02", "Kari Nordby", "Mobilisering", "10"));
        await ExpectRedirectAsync(await RegisterHoursAsync(kari, id, "2026-03-10", "Kari Nordby", "Arbeidsmøte", "2")); // the day of the change

        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.HourRate"] = "1 000";
        form["Reason"] = "Ny timepris fra fylkestingets vedtak.";
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        Assert.Equal("En ny timepris gjelder timer fra og med dagen tillegget godtas. Timer før det beholder timeprisen de hadde.",
            Text(await sigrid.GetPageAsync(CountyUrl(id)), "rate-change-note"));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=AcceptAmendment]", []));

        // Work registered later: before the change at the old rate, after it at the new one.
        Portal.Clock.Set(AfterTheWork);
        await ExpectRedirectAsync(await RegisterHoursAsync(kari, id, "2026-03-05", "Kari Nordby", "Mobilisering", "5"));
        await ExpectRedirectAsync(await RegisterHoursAsync(kari, id, "2026-04-01", "Kari Nordby", "Bedriftsbesøk", "4"));

        // 15 h × 900 + 6 h × 1 000 = 19 500 of 150 000: 13 % used. Priced at the new rate throughout it would be 21 000.
        var page = await kari.GetPageAsync(CouncilUrl(id));
        Assert.Equal(
            ["Timer 15.01.2026–09.03.2026 | 15 t × kr 900,00 | kr 13 500,00", "Timer fra 10.03.2026 | 6 t × kr 1 000,00 | kr 6 000,00"],
            page.QuerySelectorAll("[data-testid=hours-at-rate]").Select(r => string.Join(" | ", r.Children.Select(c => Squeezed(c.TextContent)))).ToArray());
        Assert.Equal("13 %", Squeezed(Text(page, "percent-used")));
        Assert.Contains("kr 19 500,00", Row(page, "spend-table", "Timer i alt"));
        Assert.Equal("kr 900,00 eks. mva. 15.01.2026–09.03.2026 kr 1 000,00 eks. mva. fra 10.03.2026 "
            + "Timeprisen ble endret i et tillegg. Timene prises med timeprisen som gjaldt den dagen de ble arbeidet.", Squeezed(Text(page, "hour-rate")));
        Assert.Contains("kr 1 000,00", Row(page, "hour-rows", "01.04.2026"));
        Assert.Contains("kr 900,00", Row(page, "hour-rows", "05.03.2026"));

        // The county's list sums in the database: the same 13 %.
        var list = await sigrid.GetPageAsync("/fylke/buskerud/avtaler");
        Assert.Contains("13 %", list.QuerySelectorAll("[data-testid=agreement-list] tbody tr").Single(r => r.InnerHtml.Contains(id.ToString(), StringComparison.Ordinal)).TextContent);

        var csv = Encoding.UTF8.GetString(await (await sigrid.GetAsync(CountyUrl(id) + "?handler=Export&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains("02.03.2026;Kari Nordby;Mobilisering;10;900,00;9000,00;", csv);
        Assert.Contains("10.03.2026;Kari Nordby;Arbeidsmøte;2;1000,00;2000,00;", csv);
        Assert.Contains("01.04.2026;Kari Nordby;Bedriftsbesøk;4;1000,00;4000,00;", csv);
        Assert.Contains("Sum timer;;;21;;19500,00", csv);

        // The councils' own systems read the same through the API.
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        using var api = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));
        var agreement = await Json(await api.GetAsync($"/api/v1/agreements/{id}"));
        Assert.Equal(["2026-01-15–2026-03-09: 15 × 900 = 13500", "2026-03-10–: 6 × 1000 = 6000"],
            agreement.GetProperty("hourRates").EnumerateArray().Select(r => $"{r.GetProperty("from").GetString()}–{r.GetProperty("to").GetString()}: "
                + $"{r.GetProperty("hours").GetDecimal():0.##} × {r.GetProperty("rate").GetDecimal():0.##} = {r.GetProperty("amount").GetDecimal():0.##}").ToArray());
        Assert.Equal(19_500m, agreement.GetProperty("budget").GetProperty("hourCost").GetDecimal());

        var report = (await kari.GetPageAsync($"/rad/hallingdal/avtaler/{id}/sluttrapport/forhandsvisning")).QuerySelectorAll("[data-testid=report-money] tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => Squeezed(c.TextContent)))).ToList();
        Assert.Equal(["Timer 15.01.2026–09.03.2026: 15 t × kr 900,00 | kr 13 500,00", "Timer fra 10.03.2026: 6 t × kr 1 000,00 | kr 6 000,00",
            "Timer i alt: 21 t | kr 19 500,00"], report.Take(3));
    }

    private static string Squeezed(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}

/// <summary>An amendment that adds a payment on a date already passed makes it payable as it is accepted, not the next night.</summary>
public sealed class DatedPaymentAmendmentTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task APaymentAddedOnADateAlreadyPassed_IsPayableOnceTheAmendmentIsAccepted()
    {
        var (kari, sigrid, id) = await SignedAgreementAsync(Portal);
        using var _ = kari;
        using var __ = sigrid;
        Portal.Clock.Set(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));

        var form = await kari.FormValuesAsync(CouncilUrl(id) + "/rediger", "main form");
        form["Input.Milestones[1].SharePercent"] = "15";
        form["Input.Milestones[2].Name"] = "Delutbetaling for mobiliseringen";
        form["Input.Milestones[2].SharePercent"] = "10";
        form["Input.Milestones[2].Trigger"] = "OnDate";
        form["Input.Milestones[2].DueDate"] = "01.03.2026";
        form["Reason"] = "Mobiliseringen ble ferdig tidligere enn planlagt.";
        await ExpectRedirectAsync(await kari.PostFormAsync(CouncilUrl(id) + "/rediger", form));
        await ExpectRedirectAsync(await sigrid.SubmitAsync(CountyUrl(id), "form[action*=AcceptAmendment]", []));

        var page = await kari.GetPageAsync(CouncilUrl(id));
        var row = Squeezed(Row(page, "milestones", "Delutbetaling for mobiliseringen"));
        Assert.Contains("forfaller 01.03.2026", row);
        Assert.Contains("kr 15 000,00", row);
        Assert.EndsWith("kan utbetales", row);
        Assert.Contains("«Delutbetaling for mobiliseringen» forfalt 01.03.2026 og kan utbetales: kr 15 000,00.", page.QuerySelector("[data-testid=history]")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[action*=Request]"));
    }

    private static string Squeezed(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
