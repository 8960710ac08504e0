using System.Text;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements.Documents;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>
/// Full-text search over the registry: one row of text per agreement in <c>AgreementSearch</c>,
/// indexed by SQLite FTS5 or by a PostgreSQL tsvector with a GIN index (both made by the
/// migrations). Each region a row belongs to is a token in it (<c>rgn6271</c>), so a search
/// inside one region asks the index for that region too.
/// </summary>
public static class SearchIndex
{
    /// <summary>PostgreSQL refuses tsvectors over 1 MB; a few hundred thousand characters find everything anyone looks for.</summary>
    public const int MaxBodyLength = 200_000;

    public static string RegionToken(string regionCode) => "rgn" + regionCode.Replace(".", "", StringComparison.Ordinal);

    /// <summary>
    /// Writes the search text of an agreement whose partners, OPDs and urusan are loaded. A document
    /// counts with its latest version whose text has been read, so a new version still being read
    /// leaves the previous one findable until its own words are.
    /// </summary>
    public static async Task RefreshAsync(AppDbContext db, Agreement agreement, CancellationToken ct = default)
    {
        var documentTexts = await db.DocumentVersions
            .Where(v => v.Document!.AgreementId == agreement.Id && v.Text != null
                && v.Number == db.DocumentVersions.Where(o => o.DocumentId == v.DocumentId && o.TextState != DocumentTextState.Pending).Max(o => o.Number))
            .Select(v => new { v.Document!.Title, v.FileName, v.Text })
            .ToListAsync(ct);

        var text = Body(agreement, documentTexts.Select(d => (d.Title, d.FileName, d.Text)));
        var row = await db.AgreementSearch.FindAsync([agreement.Id], ct);
        if (row is null)
            db.AgreementSearch.Add(new AgreementSearch { AgreementId = agreement.Id, RegionCode = agreement.RegionCode, Body = text });
        else
            row.Body = text;
    }

    /// <summary>
    /// The text an agreement is found by: region tokens, numbers, title, scope, kind, partners, OPDs,
    /// urusan and the text of its documents' latest versions; capped at <see cref="MaxBodyLength"/>.
    /// </summary>
    public static string Body(Agreement agreement, IEnumerable<(string Title, string FileName, string? Text)> documents)
    {
        var body = new StringBuilder();
        body.AppendJoin(' ', new[] { RegionToken(agreement.RegionCode) }.Concat(agreement.SharedWith.Select(s => RegionToken(s.RegionCode)))).AppendLine();
        body.AppendLine(agreement.Number).AppendLine(agreement.PartnerNumber).AppendLine(agreement.Title).AppendLine(Joined(agreement.Title)).AppendLine(agreement.Scope);
        body.AppendLine(AgreementLabels.Code(agreement.Kind)).AppendLine(AgreementLabels.Code(agreement.DocumentType));
        foreach (var partner in agreement.Partners)
            body.AppendLine(partner.Name).AppendLine(Joined(partner.Name));
        foreach (var opd in agreement.Opds)
            body.Append(opd.ShortName).Append(' ').AppendLine(opd.Name);
        foreach (var urusan in agreement.Urusan)
            body.AppendLine(urusan.Name);
        foreach (var document in documents)
            body.AppendLine(document.Title).AppendLine(document.FileName).AppendLine(document.Text);
        // Stored as plain lower-case words so that both engines split it exactly as a query is split:
        // "180/045/PEM/2025" becomes "180 045 pem 2025" rather than one path-like token in PostgreSQL.
        var words = string.Join(' ', Tokenize(body.ToString()));
        return words.Length > MaxBodyLength ? words[..MaxBodyLength] : words;
    }

    /// <summary>
    /// Each pair of neighbouring words written together: names are spelt both ways ("Palangka Raya",
    /// "Palangkaraya"), so a search for either finds both.
    /// </summary>
    private static string Joined(string? text)
    {
        var words = Tokenize(text ?? "").ToList();
        return string.Join(' ', words.Zip(words.Skip(1), (a, b) => a + b));
    }

    /// <summary>
    /// Ids of the agreements whose text has every word of <paramref name="query"/> (as a word prefix),
    /// within <paramref name="regionCode"/> when one is given. Null when the query has no words.
    /// </summary>
    public static IQueryable<int>? Matching(AppDbContext db, string? query, string? regionCode)
    {
        var words = Words(query);
        if (words.Count == 0)
            return null;
        if (db.Database.IsNpgsql())
        {
            var terms = string.Join(" & ", words.Select(w => w + ":*"));
            if (regionCode is not null)
                terms += " & " + RegionToken(regionCode);
            return db.Database.SqlQuery<int>($"""SELECT "AgreementId" AS "Value" FROM "AgreementSearch" WHERE "Vector" @@ to_tsquery('simple', {terms})""");
        }
        var match = string.Join(' ', words.Select(w => $"\"{w}\"*"));
        if (regionCode is not null)
            match += $" \"{RegionToken(regionCode)}\"";
        return db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "AgreementSearchFts" WHERE "AgreementSearchFts" MATCH {match}""");
    }

    /// <summary>Letters and digits only, lower case: nothing a person types can break the index's query syntax.</summary>
    public static List<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : Tokenize(query).Distinct().Take(12).ToList();

    /// <summary>Runs of letters and digits, lower case, accents dropped.</summary>
    private static IEnumerable<string> Tokenize(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
                word.Append(char.ToLowerInvariant(c));
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
            yield return word.ToString();
    }
}
