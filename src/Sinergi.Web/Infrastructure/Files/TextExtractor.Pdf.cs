using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using Sinergi.Web;

namespace Sinergi.Infrastructure.Files;

/// <summary>
/// PDF, through PdfPig with its reading bounded from outside: every byte it reads comes through a
/// stream that counts the objects it seeks to and checks the time (<see cref="PdfGuardStream"/>),
/// every stream it inflates goes through filters that measure before they inflate
/// (<see cref="PdfBoundedFilters"/>), and a page is drawn only when what it would draw fits
/// <see cref="TextExtractionOptions.MaxPageContentBytes"/>.
/// </summary>
public static partial class TextExtractor
{
    /// <summary>Words joined by spaces, pages by newlines. An encrypted PDF without an empty user password fails.</summary>
    private static void ReadPdf(Stream content, TextBuffer text, ExtractionBudget budget)
    {
        using var guarded = new PdfGuardStream(content, budget);
        var filters = new PdfBoundedFilters(budget);
        using var document = PdfDocument.Open(guarded, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = filters });
        budget.Check(); // a limit PdfPig swallowed while opening still counts
        var options = budget.Options;
        var pages = PageDictionaries(document, Math.Min(document.NumberOfPages, options.MaxPages));
        var skipped = 0;
        for (var number = 1; number <= pages.Count; number++)
        {
            budget.Check();
            text.Separate('\n');
            if (PdfContentCost.Of(pages[number - 1], document.Structure.TokenScanner, filters) > options.MaxPageContentBytes)
            {
                skipped++;
                continue;
            }
            foreach (var word in document.GetPage(number).GetWords())
            {
                text.Separate(' ');
                text.Append(word.Text);
            }
        }
        budget.Check();
        if (document.NumberOfPages > options.MaxPages)
            throw budget.Reached($"dokumennya lebih dari {Indonesian.Number(options.MaxPages)} halaman");
        if (skipped > 0)
            throw budget.Reached($"{Indonesian.Number(skipped)} halaman berisi lebih dari {Indonesian.FileSize(options.MaxPageContentBytes)} gambar dan teks");
    }

    /// <summary>
    /// The dictionaries of the first <paramref name="count"/> pages, in the order PdfPig numbers them
    /// (depth first through the page tree), so a page can be weighed before PdfPig draws it.
    /// </summary>
    private static List<DictionaryToken> PageDictionaries(PdfDocument document, int count)
    {
        var scanner = document.Structure.TokenScanner;
        var pages = new List<DictionaryToken>(count);
        if (!document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, scanner, out DictionaryToken? root))
            return pages;
        var visited = new HashSet<IndirectReference>();
        var pending = new Stack<DictionaryToken>();
        pending.Push(root);
        while (pending.Count > 0 && pages.Count < count)
        {
            var node = pending.Pop();
            if (!node.TryGet(NameToken.Kids, scanner, out ArrayToken? kids))
            {
                pages.Add(node);
                continue;
            }
            foreach (var kid in kids.Data.Reverse())
            {
                if (kid is IndirectReferenceToken reference && visited.Add(reference.Data)
                    && scanner.Get(reference.Data)?.Data is DictionaryToken child)
                    pending.Push(child);
            }
        }
        return pages;
    }
}

/// <summary>
/// The bytes a PDF page would have PdfPig interpret: its content streams, plus, for every form it
/// draws, the form's own cost each time the content draws something (<c>Do</c>): a form drawn a
/// hundred thousand times from a few bytes of content counts a hundred thousand times.
/// </summary>
internal static class PdfContentCost
{
    private const int MaxFormDepth = 4;

    public static long Of(DictionaryToken page, IPdfTokenScanner scanner, PdfBoundedFilters filters)
    {
        var content = new List<byte[]>();
        var resolved = page.TryGet(NameToken.Contents, out var contents) ? Resolve(contents, scanner) : null;
        foreach (var item in resolved is ArrayToken array ? array.Data : resolved is null ? [] : [resolved])
        {
            if (Resolve(item, scanner) is StreamToken stream)
                content.Add(filters.Decode(stream));
        }
        return Cost(content, ResourcesOf(page, scanner), scanner, filters, 0);
    }

    private static long Cost(List<byte[]> content, DictionaryToken? resources, IPdfTokenScanner scanner, PdfBoundedFilters filters, int depth)
    {
        long cost = content.Sum(c => (long)c.Length);
        var draws = content.Sum(CountDraws);
        if (draws == 0 || resources is null || !resources.TryGet(NameToken.Xobject, scanner, out DictionaryToken? objects))
            return cost;
        if (depth >= MaxFormDepth)
            return long.MaxValue / 4;
        // Each object drawn by its plain name is counted at its own cost (an image at none); a draw
        // not matched to a plain name (names can be written with #-escapes) at the dearest form's.
        long dearest = 0;
        var matched = 0L;
        foreach (var (name, entry) in objects!.Data)
        {
            var times = CountDraws(content, name);
            matched += times;
            if (Resolve(entry, scanner) is not StreamToken form || !IsForm(form.StreamDictionary, scanner))
                continue;
            var formResources = form.StreamDictionary.TryGet(NameToken.Resources, scanner, out DictionaryToken? own) ? own : resources;
            var formCost = Cost([filters.Decode(form)], formResources, scanner, filters, depth + 1);
            dearest = Math.Max(dearest, formCost);
            cost = Add(cost, Multiply(times, formCost));
        }
        return Add(cost, Multiply(Math.Max(0, draws - matched), dearest));
    }

    private static long Multiply(long times, long cost) => times == 0 ? 0 : cost > long.MaxValue / 4 / times ? long.MaxValue / 4 : times * cost;

    private static long Add(long a, long b) => Math.Min(a + b, long.MaxValue / 4);

    /// <summary>How often the content draws <c>/name Do</c>, the name written plainly.</summary>
    private static long CountDraws(List<byte[]> content, string name)
    {
        var token = System.Text.Encoding.ASCII.GetBytes("/" + name);
        long count = 0;
        foreach (var bytes in content)
        {
            var span = bytes.AsSpan();
            for (var at = span.IndexOf(token); at >= 0;)
            {
                var end = at + token.Length;
                var next = end;
                while (next < span.Length && span[next] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0)
                    next++;
                if (end < span.Length && IsDelimiter(span[end]) && span[next..].StartsWith("Do"u8))
                    count++;
                var again = span[end..].IndexOf(token);
                at = again < 0 ? -1 : end + again;
            }
        }
        return count;
    }

    private static bool IsForm(DictionaryToken dictionary, IPdfTokenScanner scanner) =>
        dictionary.TryGet(NameToken.Subtype, scanner, out NameToken? subtype) && subtype.Equals(NameToken.Form);

    /// <summary>Resources are inherited down the page tree.</summary>
    private static DictionaryToken? ResourcesOf(DictionaryToken page, IPdfTokenScanner scanner)
    {
        var node = page;
        for (var depth = 0; node is not null && depth < 32; depth++)
        {
            if (node.TryGet(NameToken.Resources, scanner, out DictionaryToken? resources))
                return resources;
            node = node.TryGet(NameToken.Parent, scanner, out DictionaryToken? parent) ? parent : null;
        }
        return null;
    }

    /// <summary>The operator <c>Do</c> as a whole token: operators cannot be escaped, so the count is exact enough.</summary>
    private static int CountDraws(byte[] content)
    {
        var count = 0;
        for (var i = content.AsSpan().IndexOf("Do"u8); i >= 0;)
        {
            var end = i + 2;
            if ((i == 0 || IsDelimiter(content[i - 1])) && (end == content.Length || IsDelimiter(content[end])))
                count++;
            var next = content.AsSpan(end).IndexOf("Do"u8);
            i = next < 0 ? -1 : end + next;
        }
        return count;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0
        or (byte)'/' or (byte)'[' or (byte)']' or (byte)'<' or (byte)'>' or (byte)'(' or (byte)')' or (byte)'%';

    private static IToken? Resolve(IToken? token, IPdfTokenScanner scanner) =>
        token is IndirectReferenceToken reference ? scanner.Get(reference.Data)?.Data : token;
}
