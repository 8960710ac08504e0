using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sinergi.Bench.Generator;
using Sinergi.Infrastructure.Spreadsheets;

namespace Sinergi.Bench;

/// <summary>
/// <c>Sinergi.Bench import</c>: writes a region's cooperation list as a messy workbook of the given
/// sizes (Indonesian headers, dates typed every way offices type them, durations, partners and OPDs
/// repeating) and imports each with the app's own <c>import</c> verb in a separate process, twice:
/// the first run creates every agreement, the second finds them all unchanged. It measures the
/// wall time of each run, process start included, and the peak resident memory of the importing
/// process, and writes a markdown table.
/// </summary>
internal static class ImportBench
{
    public const string Usage =
        "import --app <Sinergi.Web.dll> --data <seeded DataDirectory> [--rows 10000,50000] [--region 62.71] [--seed 7] [--output file.md]";

    private sealed record Run(int Rows, long FileBytes, string Pass, TimeSpan Elapsed, long PeakBytes, string Summary, int ExitCode);

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        if (Value("app") is not { } app || Value("data") is not { } data)
        {
            Console.Error.WriteLine("Usage: Sinergi.Bench " + Usage);
            return 2;
        }
        app = Path.GetFullPath(app);
        data = Path.GetFullPath(data);
        var sizes = (Value("rows") ?? "10000,50000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var region = Value("region") ?? "62.71";
        var seed = int.Parse(Value("seed") ?? "7", CultureInfo.InvariantCulture);

        var runs = new List<Run>();
        var offset = 0;
        foreach (var rows in sizes)
        {
            var file = Path.Combine(data, $"daftar-kerja-sama-{rows}.xlsx");
            await using (var stream = File.Create(file))
                WriteWorkbook(stream, rows, offset, new Random(seed + rows));
            // Each size gets its own agreement numbers, so the larger file creates as many as it holds.
            offset += rows;
            var bytes = new FileInfo(file).Length;
            Console.WriteLine($"{rows} rows written to {file} ({bytes / 1024} KiB)");
            foreach (var pass in new[] { "first import (creates)", "same file again (unchanged)" })
            {
                var run = await ImportAsync(app, data, file, region);
                runs.Add(run with { Rows = rows, FileBytes = bytes, Pass = pass });
                Console.WriteLine($"  {pass}: {run.Elapsed.TotalSeconds:0.0} s, peak {run.PeakBytes / 1048576} MB, {run.Summary}");
                if (run.ExitCode != 0)
                {
                    Console.Error.WriteLine($"The import exited with {run.ExitCode}; see above.");
                    return 1;
                }
            }
        }

        var table = Table(runs);
        Console.WriteLine();
        Console.WriteLine(table);
        if (Value("output") is { } output)
            await File.WriteAllTextAsync(output, table);
        return 0;
    }

    private static async Task<Run> ImportAsync(string app, string data, string file, string region)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { app, "import", file, "--region", region })
            start.ArgumentList.Add(arg);
        start.Environment["DataDirectory"] = data;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var lastLine = "";
        var errors = new StringBuilder();
        var stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
                lastLine = line;
        });
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
                errors.AppendLine(line);
        });
        // VmHWM is the process's own high-water mark of resident memory; it only grows, so the
        // last reading before the process ends is its peak.
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(10);
        }
        await Task.WhenAll(stdout, stderr);
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
            Console.Error.Write(errors);
        return new Run(0, 0, "", clock.Elapsed, peak, lastLine, process.ExitCode);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static readonly string[] Opds =
    [
        "Bapperida", "Dinas Pendidikan", "Dinkes", "Dinas Pekerjaan Umum dan Penataan Ruang", "DLH", "Dishub",
        "Diskominfosantik", "DPMPTSP", "Dinas Sosial", "Dinas Tenaga Kerja", "BPKAD", "Disdukcapil",
        "Dinas Pariwisata dan Ekonomi Kreatif Kota", "UPT Pengelolaan Air Limbah",
    ];

    private static readonly string[] Kabupaten =
    [
        "Pemerintah Kabupaten Kotawaringin Timur", "Pemerintah Kabupaten Pulang Pisau", "Pemkab Katingan",
        "Pemerintah Kabupaten Gunung Mas", "Pemerintah Kota Banjarmasin", "Pemerintah Provinsi Kalimantan Tengah",
    ];

    private static readonly string[] Universities =
    [
        "Universitas Palangka Raya", "Institut Agama Islam Negeri Palangka Raya", "Universitas Muhammadiyah Palangkaraya",
        "Politeknik Kesehatan Kemenkes Palangka Raya", "Universitas Lambung Mangkurat",
    ];

    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static void WriteWorkbook(Stream output, int count, int offset, Random rng)
    {
        var companies = Enumerable.Range(0, 400)
            .Select(_ => $"PT {Pick(rng, PartnerNames.First)} {Pick(rng, PartnerNames.Second)} {Pick(rng, PartnerNames.Third)}")
            .Distinct().ToArray();
        ExportColumn[] columns =
        [
            new("No"), new("Nomor KB/PKS"), new("Tentang"), new("Para Pihak"), new("Tgl. Penandatanganan", ExportKind.Date),
            new("Jangka Waktu"), new("Perangkat Daerah"), new("Keterangan"),
        ];
        TableExport.WriteXlsx(output, "Daftar KSD", columns, Enumerable.Range(1, count).Select(i => Row(rng, i, offset + i, companies)));
    }

    private static object?[] Row(Random rng, int position, int serial, string[] companies)
    {
        var topic = Pick(rng, Topics.All);
        var signed = new DateOnly(2016, 1, 1).AddDays(rng.Next(0, 3600));
        var (partner, prefix) = rng.Next(10) switch
        {
            < 6 => (Pick(rng, companies), "PKS"),
            < 8 => (Pick(rng, Universities), rng.Next(2) == 0 ? "KB" : "PKS"),
            _ => (Pick(rng, Kabupaten), rng.Next(2) == 0 ? "KB" : "PKS"),
        };
        var title = prefix == "KB"
            ? $"Kesepakatan Bersama tentang {Pick(rng, topic.Subjects)}"
            : $"Perjanjian Kerja Sama tentang {Pick(rng, topic.Subjects)}"
                + string.Format(CultureInfo.InvariantCulture, Pick(rng, Topics.Qualifiers), "Kota Palangka Raya");
        object signedCell = (serial % 5) switch
        {
            0 => signed,
            1 => $"{signed.Day} {Months[signed.Month - 1]} {signed.Year}",
            2 => signed.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            3 => $"{signed.Day}/{signed.Month}/{signed.Year}",
            _ => $"{signed.Day} {Months[signed.Month - 1][..3]} {signed.Year}",
        };
        var years = rng.Next(1, 6);
        var ends = signed.AddYears(years);
        var period = (serial % 4) switch
        {
            0 => $"{years} ({Spelled(years)}) tahun",
            1 => $"{signed.Year} s.d. {signed.Year + years}",
            2 => $"s/d {ends.Day} {Months[ends.Month - 1]} {ends.Year}",
            _ => $"{years} tahun",
        };
        var opd = rng.Next(8) == 0 ? $"{Pick(rng, Opds)}, {Pick(rng, Opds)}" : Pick(rng, Opds);
        return
        [
            position, $"{serial:000000}/{prefix}/PKY/{signed.Year}", title, partner, signedCell, period, opd,
            rng.Next(4) == 0 ? Pick(rng, topic.Phrases) : null,
        ];
    }

    private static string Spelled(int years) => years switch
    {
        1 => "satu", 2 => "dua", 3 => "tiga", 4 => "empat", _ => "lima",
    };

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string Table(List<Run> runs)
    {
        var text = new StringBuilder();
        text.AppendLine($"Import run ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite, `import` verb in its own process):");
        text.AppendLine();
        text.AppendLine("| Rows | File | Pass | Time s | Peak memory MB | Result |");
        text.AppendLine("|---:|---:|---|---:|---:|---|");
        foreach (var run in runs)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Rows:N0} | {run.FileBytes / 1048576.0:0.0} MB | {run.Pass} | {run.Elapsed.TotalSeconds:0.0} | {run.PeakBytes / 1048576} | `{run.Summary}` |");
        return text.ToString();
    }
}
