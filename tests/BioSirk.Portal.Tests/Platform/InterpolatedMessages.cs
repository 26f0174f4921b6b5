using System.Text;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>
/// Reads the interpolated strings (<c>$"…"</c>) of C# source as the localizer's keys would have them: each hole
/// becomes «{0}», «{1}», … in order, and pieces joined with <c>+</c> are one message. Verbatim strings, ordinary
/// strings and comments are skipped, so a regex such as <c>@"…$"</c> is not mistaken for one.
/// </summary>
public static class InterpolatedMessages
{
    public sealed record Found(string Template, int Line, string Before);

    public static IEnumerable<Found> In(string source)
    {
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] == '$' && source.AsSpan(i + 1).StartsWith("\"\"\""))
            {
                i = source.IndexOf("\"\"\"", i + 4, StringComparison.Ordinal) + 3; // a raw block: the e-mail bodies, Norwegian by design
            }
            else if (source[i] == '$' && At(source, i + 1) == '"' && At(source, i - 1) != '@')
            {
                var start = i;
                var template = new StringBuilder();
                var holes = 0;
                i = ReadInterpolated(source, i + 2, template, ref holes);
                while (NextPiece(source, i) is { } piece)
                {
                    i = source[piece] == '$'
                        ? ReadInterpolated(source, piece + 2, template, ref holes)
                        : ReadPlain(source, piece + 1, template);
                }

                yield return new Found(template.ToString(), source.AsSpan(0, start).Count('\n') + 1, source[Math.Max(0, start - 80)..start]);
            }
            else
            {
                i = SkipOther(source, i);
            }
        }
    }

    private static char At(string s, int i) => i >= 0 && i < s.Length ? s[i] : '\0';

    /// <summary>After «"…"», a «+ "…"» or «+ $"…"» continues the same message.</summary>
    private static int? NextPiece(string s, int i)
    {
        var j = i;
        while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
        if (At(s, j) != '+') return null;
        j++;
        while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
        return At(s, j) == '"' || (At(s, j) == '$' && At(s, j + 1) == '"') ? j : null;
    }

    private static int ReadInterpolated(string s, int i, StringBuilder template, ref int holes)
    {
        while (s[i] != '"')
        {
            if (s[i] == '\\') { template.Append(Unescape(s[i + 1])); i += 2; }
            else if (s[i] == '{' && At(s, i + 1) == '{') { template.Append('{'); i += 2; }
            else if (s[i] == '}' && At(s, i + 1) == '}') { template.Append('}'); i += 2; }
            else if (s[i] == '{') { i = SkipHole(s, i + 1); template.Append('{').Append(holes++).Append('}'); }
            else { template.Append(s[i]); i++; }
        }

        return i + 1;
    }

    /// <summary>A hole may hold strings, nested interpolations and braces of its own (<c>{(x is { } y ? … : "")}</c>).</summary>
    private static int SkipHole(string s, int i)
    {
        var depth = 1;
        while (depth > 0)
        {
            if (s[i] == '$' && At(s, i + 1) == '"')
            {
                var ignored = 0;
                i = ReadInterpolated(s, i + 2, new StringBuilder(), ref ignored);
                continue;
            }

            if (s[i] == '"') { i = ReadPlain(s, i + 1, new StringBuilder()); continue; }
            if (s[i] == '{') depth++;
            if (s[i] == '}') depth--;
            i++;
        }

        return i;
    }

    private static int ReadPlain(string s, int i, StringBuilder text)
    {
        while (s[i] != '"')
        {
            if (s[i] == '\\') { text.Append(Unescape(s[i + 1])); i += 2; }
            else { text.Append(s[i]); i++; }
        }

        return i + 1;
    }

    private static int SkipOther(string s, int i)
    {
        if (s[i] == '/' && At(s, i + 1) == '/') return s.IndexOf('\n', i) is var end and >= 0 ? end : s.Length;
        if (s[i] == '/' && At(s, i + 1) == '*') return s.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
        if (s[i] == '@' && At(s, i + 1) == '"') return SkipVerbatim(s, i + 2);
        if (s[i] == '"' && At(s, i + 1) == '"' && At(s, i + 2) == '"') return s.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal) + 3;
        if (s[i] == '"') return ReadPlain(s, i + 1, new StringBuilder());
        if (s[i] == '\'') return s[i + 1] == '\\' ? s.IndexOf('\'', i + 3) + 1 : i + 3;
        return i + 1;
    }

    private static int SkipVerbatim(string s, int i)
    {
        while (!(s[i] == '"' && At(s, i + 1) != '"'))
        {
            i += s[i] == '"' ? 2 : 1;
        }

        return i + 1;
    }

    private static char Unescape(char c) => c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => c };
}
