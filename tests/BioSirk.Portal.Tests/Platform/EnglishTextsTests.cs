using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// English is the portal's second language: every text a page asks the localizer for (<c>T["…"]</c>,
/// <c>texts["…"]</c> in a helper, <c>this.Localized("…", values)</c> in a page model) must have an English
/// translation, or an English reader meets Norwegian in the middle of a page.
/// </summary>
public sealed partial class EnglishTextsTests
{
    private static string Web => Path.Combine(RepositoryRoot(), "angular-free-razor-ui", "BioSirk.Portal.Web");

    private static HashSet<string> English => XDocument.Load(Path.Combine(Web, "Resources", "Localization.SharedResource.en.resx"))
        .Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
        .ToHashSet(StringComparer.Ordinal); // the localizer looks keys up by their exact case

    /// <summary>The agreement's status is shown through the localizer with a text computed from the status.</summary>
    [Fact]
    public void EveryAgreementStatus_HasAnEnglishTranslation()
    {
        var english = English;
        foreach (var status in Enum.GetValues<BioSirk.Portal.Agreements.Domain.AgreementStatus>())
        {
            Assert.Contains(BioSirk.Portal.Agreements.Features.AgreementQueries.StatusText(status), english);
        }
    }

    /// <summary>An indicator's state is shown through the localizer with a text computed from the state.</summary>
    [Fact]
    public void EveryIndicatorState_HasAnEnglishTranslation()
    {
        var english = English;
        foreach (var state in Enum.GetValues<BioSirk.Portal.Indicators.Contracts.IndicatorState>())
        {
            Assert.Contains(BioSirk.Portal.Indicators.Contracts.IndicatorTexts.State(state), english);
        }
    }

    /// <summary>The roadmap's phases, statuses, judgements, decisions and link kinds are shown through the localizer.</summary>
    [Fact]
    public void EveryRoadmapWord_HasAnEnglishTranslation()
    {
        var english = English;
        string[] words =
        [
            .. Enum.GetValues<BioSirk.Portal.Strategy.Domain.DevelopmentPhase>().Select(BioSirk.Portal.Strategy.Domain.RoadmapTexts.Phase),
            .. Enum.GetValues<BioSirk.Portal.Strategy.Domain.ActionStatus>().Select(BioSirk.Portal.Strategy.Domain.RoadmapTexts.Status),
            .. Enum.GetValues<BioSirk.Portal.Strategy.Domain.ProgressJudgement>().Select(BioSirk.Portal.Strategy.Domain.RoadmapTexts.Judgement),
            .. Enum.GetValues<BioSirk.Portal.Strategy.Domain.AdoptionOutcome>().Select(BioSirk.Portal.Strategy.Domain.RoadmapTexts.Outcome),
            .. Enum.GetValues<BioSirk.Portal.Strategy.Domain.ActionLinkKind>().Select(BioSirk.Portal.Strategy.Domain.RoadmapTexts.LinkKind),
        ];

        Assert.All(words, word => Assert.Contains(word, english));
    }

    [Fact]
    public void EveryTextOfThePages_HasAnEnglishTranslation()
    {
        var web = Web;
        var english = English;

        var missing = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(web, f), Text: Regex.Unescape(m.Groups[1].Value))))
            .Where(t => !english.Contains(t.Text))
            .Select(t => $"{t.File}: «{t.Text}»")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "No English text in Resources/Localization.SharedResource.en.resx for:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// What the modules store to be shown later (a notice under «Varsler») is a <c>Phrase.Of("…", values)</c>; the page
    /// shows it in the reader's language, so each such sentence needs its English text too.
    /// </summary>
    [Fact]
    public void EveryStoredPhraseOfTheModules_HasAnEnglishTranslation()
    {
        var english = English;
        var src = Path.Combine(RepositoryRoot(), "src");
        var phrases = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => PhraseText().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(src, f), Text: Regex.Unescape(m.Groups[1].Value))))
            .Where(t => t.Text.Any(char.IsLetter)) // "{0}: {1}" needs no translation
            .ToList();

        Assert.True(phrases.Count > 20, "the search for Phrase.Of(…) found almost nothing: has the code changed?");
        var missing = phrases.Where(t => !english.Contains(t.Text)).Select(t => $"{t.File}: «{t.Text}»").Distinct().ToList();
        Assert.True(missing.Count == 0, "No English text in Resources/Localization.SharedResource.en.resx for:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// A message the modules write with values in it (<c>$"Navnet kan ha høyst {max} tegn."</c>) reaches an English page
    /// through the pattern «Navnet kan ha høyst {0} tegn.» (see <c>SharedTexts</c>), so each needs that pattern in the
    /// resource file. What is Norwegian by design is left out: documents and PDFs, demo data and the agreement template,
    /// e-mail subjects, exceptions and SQL.
    /// </summary>
    [Fact]
    public void EveryMessageTheModulesWriteWithValues_HasAnEnglishPattern()
    {
        var english = English;
        var src = Path.Combine(RepositoryRoot(), "src");
        var messages = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !NorwegianByDesign(Path.GetRelativePath(src, f)))
            .SelectMany(f => InterpolatedMessages.In(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(src, f), Message: m)))
            .Where(t => IsSentence(t.Message.Template) && !t.Message.Before.TrimEnd().EndsWith("Exception(", StringComparison.Ordinal))
            .Where(t => !NorwegianSubjects.Contains(t.Message.Template))
            .ToList();

        Assert.True(messages.Count > 40, "the search for $\"…\" found almost nothing: has the code changed?");
        var missing = messages.Where(t => !english.Contains(t.Message.Template))
            .Select(t => $"{t.File}:{t.Message.Line}: «{t.Message.Template}»").Distinct().ToList();
        Assert.True(missing.Count == 0, "No English pattern in Resources/Localization.SharedResource.en.resx for:\n" + string.Join("\n", missing));
    }

    /// <summary>The localizer's patterns need 12 letters of their own (<c>SharedTexts.MinimumFixedText</c>); shorter ones are labels.</summary>
    private static bool IsSentence(string template) =>
        Placeholder().Replace(template, "") is var fixedText && fixedText.Length >= 12 && fixedText.Contains(' ', StringComparison.Ordinal);

    private static bool NorwegianByDesign(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || new[] { "Documents", "Pdf", "Email", "KeyRing", "Data" }.Any(folder => file.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        || file.EndsWith("DemoSeeder.cs", StringComparison.Ordinal)
        || Path.GetFileName(file) is "MissionsTemplate.cs" or "ReportContents.cs"; // the agreement's terms; the labels printed on the report's PDF

    /// <summary>E-mail is written in bokmål (its subject becomes no page text: «Varsler» shows the notice's phrase), and so are the invoice's markings and the PDF's file name.</summary>
    private static readonly HashSet<string> NorwegianSubjects =
    [
        "Utbetalingsanmodning fra {0}", "Indikatoren «{0}» skal rapporteres {1}", "Innkalling: {0}", "Sak trukket: {0}",
        "Endret tid eller sted: {0}", "Ikke lenger innkalt: {0}", "{0} venter på godkjenning", "Administrator i {0}",
        "Invitasjon til {0} i BioSirk-portalen", "Du har fått tilgang til {0}", "Ingen tilgang til {0}",
        "Sluttrapporten er sendt tilbake: {0}", "Sluttrapporten er godkjent: {0}", "Sluttrapport levert: {0}",
        "Veikartet er lagt fram for vedtak: {0}", "Fremdriftsrapporten for {0} mangler", "Rapporter fremdrift innen {0}",
        "\n\nÅpne i BioSirk-portalen: {0}", "«{0}», bestillernummer {1}, prosjektnummer {2}", "Sluttrapport {0} – {1}.pdf",
        "Bestillernr. {0} · Prosjektnr. {1}",
    ];

    /// <summary>
    /// A translation has the same placeholders as its bokmål text: one that drops «{1}» loses a value, and one that adds
    /// «{2}» makes the page (or a stored notice shown later) fail when it is formatted.
    /// </summary>
    /// <summary>The change log names the changed terms by the bokmål words <c>TermsDiff</c> writes; the page shows them through the localizer.</summary>
    [Fact]
    public void EveryTermTheChangeLogNames_HasAnEnglishTranslation()
    {
        var english = English;
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "BioSirk.Portal.Agreements", "Features", "AgreementJournal.cs"));
        var fields = Regex.Matches(source, @"Compare\(""([^""]+)""").Select(m => m.Groups[1].Value).ToList();
        Assert.True(fields.Count > 10);
        Assert.All(fields, field => Assert.Contains(field, english));
    }

    [Fact]
    public void EveryTranslation_HasTheSamePlaceholdersAsItsBokmalText()
    {
        static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Distinct().Order());
        var mismatched = XDocument.Load(Path.Combine(Web, "Resources", "Localization.SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? ""))
            .Where(d => Placeholders(d.Key) != Placeholders(d.Value))
            .Select(d => $"«{d.Key}» → «{d.Value}»").ToList();

        Assert.True(mismatched.Count == 0, "Translations whose placeholders differ:\n" + string.Join("\n", mismatched));
    }

    /// <summary>Two keys that differ only in case make the lookup of both fail: the page then shows the Norwegian.</summary>
    [Fact]
    public void NoTwoTextsDifferOnlyInCase()
    {
        var twins = XDocument.Load(Path.Combine(Web, "Resources", "Localization.SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();

        Assert.True(twins.Count == 0, "Keys that differ only in case:\n" + string.Join("\n", twins));
    }

    // T["text"] and T["text with {0}", argument]; helpers that are handed the localizer call it t[…] or texts[…]; page
    // models translate a text with values in it through this.Localized("text with {0}", value).
    [GeneratedRegex("""(?:\b(?:T|t|texts)\[|\bLocalized\()"((?:[^"\\]|\\.)*)"[\],)]""")]
    private static partial Regex LocalizedText();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""\bPhrase\.Of\("((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex PhraseText();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BioSirk.Portal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("BioSirk.Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
