using Microsoft.Extensions.Options;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Import;
using Sinergi.Features.Notifications;

namespace Sinergi.Cli;

/// <summary>
/// Operator verbs of the same executable: <c>Sinergi.Web migrate</c>, <c>seed-demo</c>,
/// <c>create-admin</c>, <c>create-token</c>, <c>backup</c>, <c>import</c>. They run the app's own services,
/// so a verb and a page never disagree.
/// </summary>
public static class CommandLine
{
    private delegate Task<int> Verb(IServiceProvider services, VerbArguments arguments, TextWriter output);

    private static readonly Dictionary<string, (Verb Run, string Usage)> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = ((s, _, o) => Maintenance.MigrateAsync(s, o), "migrate                      terapkan migrasi skema dan muat data referensi"),
        ["seed-demo"] = (Maintenance.SeedDemoAsync, "seed-demo                    muat data demo (Kota Palangka Raya dan sekitarnya)"),
        ["create-admin"] = (Accounts.CreateAdminAsync, "create-admin --region <kode> --email <email> --name <nama> [--password <sandi>] [--system]"),
        ["create-token"] = (Accounts.CreateTokenAsync, "create-token --email <email> [--name <nama>] [--days <hari>]   token API di baris terakhir"),
        ["backup"] = (Maintenance.BackupAsync, "backup <berkas>              salin basis data SQLite ke berkas"),
        ["import"] = (ImportVerb.RunAsync, "import <berkas> --region <kode> [--dry-run] [--sheet N] [--mode budget [--leave-out 3,5]]   impor daftar kerja sama, atau baris anggaran (--mode budget), dari .xlsx/.xls/.csv"),
        ["notify"] = (NotifyVerb.RunAsync, "notify [--date yyyy-MM-dd] [--dry-run]   jalankan pengingat harian; --dry-run hanya menampilkan yang akan dikirim"),
    };

    /// <summary>A first argument that is not an option names a verb.</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>
    /// What the host's configuration may read: everything when serving; only
    /// <c>--Key=value</c> overrides when running a verb, so verb options stay the verb's.
    /// </summary>
    public static string[] HostArguments(string[] args) =>
        IsVerb(args) ? args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray() : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var output = Console.Out;
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            await Console.Error.WriteLineAsync($"Perintah '{args[0]}' tidak dikenal.");
            await PrintUsage(Console.Error);
            return 2;
        }

        var arguments = VerbArguments.Parse(args.Skip(1));
        try
        {
            if (args[0] != "migrate" && app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart == true)
                await DatabaseStartup.MigrateAsync(app.Services);
            return await verb.Run(app.Services, arguments, output);
        }
        catch (VerbException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
    }

    private static async Task PrintUsage(TextWriter writer)
    {
        await writer.WriteLineAsync("Pemakaian: Sinergi.Web [perintah] [opsi]; tanpa perintah, Sinergi berjalan sebagai server web.");
        foreach (var (_, usage) in Verbs.Values)
            await writer.WriteLineAsync("  " + usage);
    }
}

/// <summary>A verb failed for a reason the operator can fix; the message says which.</summary>
public sealed class VerbException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary><c>--name value</c> options, <c>--flag</c> switches and positional values of a verb.</summary>
public sealed class VerbArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positional = [];

    public IReadOnlyList<string> Positional => _positional;

    public static VerbArguments Parse(IEnumerable<string> args)
    {
        var result = new VerbArguments();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                result._positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            if (name.Contains('='))
                continue; // a host configuration override, already read by the host
            var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            result._options[name] = hasValue ? list[++i] : null;
        }
        return result;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Optional(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) =>
        Optional(name) is { Length: > 0 } value ? value : throw new VerbException($"Opsi --{name} wajib diisi.", 2);
}
