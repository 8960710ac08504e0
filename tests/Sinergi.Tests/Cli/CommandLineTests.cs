using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Cli;

/// <summary>The operator verbs, run as a real process of the built app against a real SQLite file.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("sinergi-cli-").FullName;

    private sealed record Run(int ExitCode, string Output, string Error)
    {
        public string LastLine => Output.TrimEnd().Split('\n').Last().Trim();
    }

    private Task<Run> SinergiAsync(params string[] args) => SinergiWithAsync(new Dictionary<string, string>(), args);

    private async Task<Run> SinergiWithAsync(Dictionary<string, string> environment, params string[] args)
    {
        var dll = AppDll();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DataDirectory"] = _dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>The app as built next to the tests: src/Sinergi.Web/bin/&lt;configuration&gt;/net10.0.</summary>
    private static string AppDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sinergi.slnx")))
            root = root.Parent;
        return Path.Combine(root!.FullName, "src", "Sinergi.Web", "bin", configuration, testOutput.Name, "Sinergi.Web.dll");
    }

    [Fact]
    public async Task Migrate_seed_and_create_token_give_a_token_the_api_accepts()
    {
        var migrate = await SinergiAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("552 wilayah", migrate.Output);
        Assert.Equal(0, (await SinergiAsync("seed-demo")).ExitCode);

        var own = await SinergiAsync("create-token", "--email", Demo.Accounts.Admin, "--name", "skrip");
        var other = await SinergiAsync("create-token", "--email", Demo.Accounts.PartnerRegionAdmin);
        Assert.Equal(0, own.ExitCode);
        Assert.StartsWith("snrg_", own.LastLine);

        await using var app = new SqliteApp { DataDirectory = _dataDirectory };
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", own.LastLine);
        var regions = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions");
        Assert.Equal(552, regions.GetProperty("total").GetInt32());

        var dinkes = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == "Dinkes").Select(o => o.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/opds/{dinkes}")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", other.LastLine);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/opds/{dinkes}")).StatusCode);
    }

    [Fact]
    public async Task Migrate_against_an_empty_postgresql_server_makes_the_database_without_a_failure_on_the_way()
    {
        var database = $"sinergi_cli_{Guid.NewGuid():N}";
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = database }.ConnectionString;
        try
        {
            var run = await SinergiWithAsync(new() { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = connection }, "migrate");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.DoesNotContain("fail:", run.Output + run.Error);
            Assert.Contains("552 wilayah", run.Output);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Create_admin_makes_the_first_admin_of_a_region_with_a_temporary_password()
    {
        var run = await SinergiAsync("create-admin", "--region", "62.02", "--email", "admin.kotim@sinergi.test", "--name", "Admin Kotawaringin Timur");
        Assert.True(run.ExitCode == 0, run.Error);
        var password = run.LastLine.Split(':').Last().Trim();

        await using var app = new SqliteApp { DataDirectory = _dataDirectory };
        var browser = new Browser(app);
        await browser.LoginAsync("admin.kotim@sinergi.test", password);
        Assert.Equal("/Account/ChangePassword", browser.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        var region = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin.kotim@sinergi.test").Select(u => u.RegionCode).SingleAsync());
        Assert.Equal("62.02", region);
    }

    [Fact]
    public async Task Verbs_refuse_bad_input_with_a_message_and_a_non_zero_exit()
    {
        var unknownUser = await SinergiAsync("create-token", "--email", "tidak.ada@sinergi.test");
        Assert.Equal(1, unknownUser.ExitCode);
        Assert.Contains("Tidak ada akun dengan email", unknownUser.Error);
        Assert.DoesNotContain("snrg_", unknownUser.Output);

        var unknownRegion = await SinergiAsync("create-admin", "--region", "99.99", "--email", "x@sinergi.test", "--name", "X");
        Assert.Equal(2, unknownRegion.ExitCode);
        Assert.Contains("tidak ada", unknownRegion.Error);

        var missingOption = await SinergiAsync("create-token");
        Assert.Equal(2, missingOption.ExitCode);
        Assert.Contains("--email wajib diisi", missingOption.Error);

        var unknownVerb = await SinergiAsync("hapus-semua");
        Assert.Equal(2, unknownVerb.ExitCode);
        Assert.Contains("tidak dikenal", unknownVerb.Error);
    }

    [Fact]
    public async Task Import_saves_a_workbook_once_and_a_second_run_changes_nothing()
    {
        Assert.Equal(0, (await SinergiAsync("seed-demo")).ExitCode);
        var workbook = ImportSteps.WorkbookPath("daftar-kerja-sama.xlsx");

        var dryRun = await SinergiAsync("import", workbook, "--region", Demo.Home, "--dry-run");
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal("imported=7 updated=0 skipped=0 errors=0", dryRun.LastLine);
        var first = await SinergiAsync("import", workbook, "--region", Demo.Home);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("imported=7 updated=0 skipped=0 errors=0", first.LastLine);
        Assert.Contains("baris 8 [Masa Berlaku / Berlaku s.d.] peringatan", first.Output);
        var second = await SinergiAsync("import", workbook, "--region", Demo.Home);
        Assert.Equal("imported=0 updated=0 skipped=7 errors=0", second.LastLine);
    }

    [Fact]
    public async Task Import_leaves_out_the_signature_block_and_a_run_that_changes_nothing_saves_nothing()
    {
        Assert.Equal(0, (await SinergiAsync("seed-demo")).ExitCode);
        var workbook = ImportSteps.WorkbookPath("ttd-libreoffice.xlsx");

        var first = await SinergiAsync("import", workbook, "--region", Demo.Home);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("catatan: 7 baris di bawah tabel (baris 10–17) dilewati sebagai catatan atau tanda tangan, bukan kerja sama.", first.Output);
        Assert.Equal("imported=4 updated=0 skipped=0 errors=0", first.LastLine);
        var second = await SinergiAsync("import", workbook, "--region", Demo.Home);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Tidak ada yang perlu disimpan: semua baris sama dengan yang sudah tercatat.", second.Output);
        Assert.DoesNotContain("Tersimpan ke wilayah", second.Output);
        Assert.Equal("imported=0 updated=0 skipped=4 errors=0", second.LastLine);
    }

    [Fact]
    public async Task Import_with_a_bad_row_exits_non_zero_and_saves_nothing()
    {
        var file = Path.Combine(_dataDirectory, "salah.csv");
        await File.WriteAllTextAsync(file, "Nomor;Tentang;Mitra;Tanggal Penandatanganan\n1/A/2025;Kerja Sama Satu;Universitas Palangka Raya;3 Maret 2025\n2/A/2025;Kerja Sama Dua;Universitas Palangka Raya;30 Februari 2025\n");
        var run = await SinergiAsync("import", file, "--region", Demo.Home);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("imported=1 updated=0 skipped=0 errors=1", run.LastLine);
        Assert.Contains("baris 3 [Tanggal Penandatanganan] galat", run.Output);

        await using var app = new SqliteApp { DataDirectory = _dataDirectory };
        Assert.Equal(0, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Title == "Kerja Sama Satu")));
    }

    [Fact]
    public async Task Backup_writes_a_readable_copy_of_the_database_and_never_overwrites()
    {
        Assert.Equal(0, (await SinergiAsync("seed-demo")).ExitCode);
        var target = Path.Combine(_dataDirectory, "cadangan", "sinergi-2026-11-25.db");
        var run = await SinergiAsync("backup", target);
        Assert.True(run.ExitCode == 0, run.Error);

        await using (var connection = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Regions";
            Assert.Equal(552L, await count.ExecuteScalarAsync());
        }
        var again = await SinergiAsync("backup", target);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("sudah ada", again.Error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
