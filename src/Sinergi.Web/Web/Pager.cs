namespace Sinergi.Web;

/// <summary>
/// A list's pager ("Halaman x dari y" with the previous and next page): the page shown, the number
/// of pages, the rows in all, the link to another page (with the list's filters kept) and the id of
/// the nav element. Rendered by Web/Shared/_Pager.cshtml; nothing when there is one page.
/// </summary>
public sealed record Pager(int Page, int Count, int Total, Func<int, string> Link, string Id, string Noun = "baris");
