using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Notifications;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Participants;

/// <summary>
/// The register of interns on the demo's university PKS: the warning while one is uninsured, the list,
/// who may read the names, a refused workbook saving nothing, the OPD told by the job (real SMTP).
/// </summary>
public abstract class ParticipantRegisterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private Task<int> StuntingAsync() =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Title == Demo.Agreements.Stunting).Select(a => a.Id).SingleAsync());

    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(Browser browser, int id, string fileName)
    {
        var page = await browser.GetAsync($"/Agreements/Participants/{id}");
        var token = page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(ImportSteps.Workbook(fileName)), "file", fileName },
        };
        return await browser.FollowAsync(await browser.Http.PostAsync($"/Agreements/Participants/{id}?handler=Import", form));
    }

    [Fact]
    public async Task An_uninsured_intern_is_warned_listed_and_told_to_the_OPD_and_names_stay_with_the_admin_and_OPD()
    {
        var id = await StuntingAsync();
        var dinkes = new Browser(app);
        await dinkes.LoginAsync(Demo.Accounts.DinkesOperator);
        var details = await dinkes.GetAsync($"/Agreements/Details/{id}");
        Assert.Contains("1 dari 4 peserta magang / PKL belum terdaftar", details.Text("#participants-warning"));
        var register = await dinkes.GetAsync($"/Agreements/Participants/{id}");
        Assert.Contains(Demo.Participants.Unregistered, register.Text("#participants"));
        Assert.Contains("Belum terdaftar", register.Text("#participants"));
        Assert.Contains(Demo.Agreements.Stunting, (await dinkes.GetAsync("/Participants")).Text("#uninsured"));

        // The TKKSD sees the warning on the agreement but not the names.
        var tkksd = new Browser(app);
        await tkksd.LoginAsync(Demo.Accounts.Tkksd);
        var seen = await tkksd.GetAsync($"/Agreements/Details/{id}");
        Assert.NotNull(seen.QuerySelector("#participants-warning"));
        Assert.Null(seen.QuerySelector("#participants-warning a"));
        Assert.DoesNotContain(Demo.Participants.Unregistered, seen.Body!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await tkksd.Http.GetAsync($"/Agreements/Participants/{id}")).StatusCode);
        var other = new Browser(app);
        await other.LoginAsync(Demo.Accounts.DisbudparOperator);
        Assert.NotNull((await other.GetAsync("/Participants")).QuerySelector("#no-uninsured"));

        // Registered without a membership number: refused in Indonesian, nothing saved.
        var before = await app.WithDbAsync(db => db.Participants.CountAsync(p => p.AgreementId == id));
        var refused = await dinkes.FollowAsync(await dinkes.SubmitAsync(register, "#participant-form", [
            new("Input.Name", "Agus Wibowo"), new("Input.StudentNumber", "203010501099"), new("Input.Programme", "Gizi"), new("Input.StartsOn", "1 Desember 2026"),
            new("Input.EndsOn", "31 Januari 2027"), new("Input.Supervisor", "dr. Yuliana Dewi"), new("Input.BpjsRegistered", "true")]));
        Assert.Contains("Nomor kepesertaan BPJS Ketenagakerjaan wajib diisi bila peserta terdaftar.", refused.Body!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.AgreementId == id)));

        // The job tells the OPD, without naming the student.
        using var smtp = new SmtpCatcher();
        smtp.Serve(app.Services);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(null, dryRun: false);
        var told = Assert.Single(smtp.To(Demo.Accounts.DinkesOperator), m => (m.Subject ?? "").Contains("belum terdaftar BPJS Ketenagakerjaan"));
        Assert.DoesNotContain(Demo.Participants.Unregistered, told.TextBody ?? "");
        Assert.Contains($"/Agreements/Details/{id}", told.TextBody ?? "");

        // Registering the student ends the warning and the listing.
        var unregistered = await app.WithDbAsync(db => db.Participants.Where(p => p.AgreementId == id && p.Name == Demo.Participants.Unregistered).Select(p => p.Id).SingleAsync());
        var edit = await dinkes.GetAsync($"/Agreements/Participants/{id}?edit={unregistered}");
        await dinkes.FollowAsync(await dinkes.SubmitAsync(edit, "#participant-form",
            [new("Input.BpjsRegistered", "true"), new("Input.BpjsNumber", "24031500012399"), new("Input.BpjsValidUntil", "31 Desember 2027")]));
        Assert.Null((await dinkes.GetAsync($"/Agreements/Details/{id}")).QuerySelector("#participants-warning"));
        Assert.NotNull((await dinkes.GetAsync("/Participants")).QuerySelector("#no-uninsured"));
    }

    [Fact]
    public async Task A_workbook_with_a_bad_row_is_refused_whole_with_row_and_column_and_a_good_one_is_saved()
    {
        var id = await StuntingAsync();
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var before = await app.WithDbAsync(db => db.Participants.CountAsync(p => p.AgreementId == id));
        try
        {
            await ImportsAsync(admin, id, before);
        }
        finally
        {
            // The other test counts the demo's four.
            await app.WithDbAsync(db => db.Participants.Where(p => p.AgreementId == id && p.StudentNumber.StartsWith("2130206")).ExecuteDeleteAsync());
        }
    }

    private async Task ImportsAsync(Browser admin, int id, int before)
    {
        var refused = await UploadAsync(admin, id, "peserta-magang-salah.xlsx");
        var problems = refused.Text("#import-problems");
        Assert.Contains("Baris 4, kolom NIM: NIM wajib diisi.", problems);
        Assert.Contains("Baris 5, kolom OPD penempatan: OPD \"Dinas Entah\" tidak dikenal di daerah ini.", problems);
        Assert.Contains("Baris 5, kolom BPJS Ketenagakerjaan: Isi \"Ya\" atau \"Tidak\", bukan \"mungkin\".", problems);
        Assert.Equal(before, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.AgreementId == id)));

        await UploadAsync(admin, id, "peserta-magang.xlsx");
        var saved = await app.WithDbAsync(db => db.Participants.Where(p => p.AgreementId == id && p.StudentNumber.StartsWith("2130206"))
            .OrderBy(p => p.StudentNumber).ToListAsync());
        Assert.Equal(2, saved.Count);
        Assert.True(saved[0].BpjsRegistered);
        Assert.Equal(new DateOnly(2027, 3, 31), saved[0].BpjsValidUntil);
        Assert.Equal(new DateOnly(2026, 11, 1), saved[1].StartsOn);
        Assert.False(saved[1].BpjsRegistered);

        // The same workbook twice: its students are on the register already, so nothing is added.
        var again = await UploadAsync(admin, id, "peserta-magang.xlsx");
        Assert.Contains("Baris 2, kolom NIM: NIM 213020601005 sudah terdaftar pada kerja sama ini.", again.Text("#import-problems"));
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.AgreementId == id)));
    }
}

public sealed class ParticipantRegisterTestsOnSqlite(SqliteApp app) : ParticipantRegisterTests<SqliteApp>(app);

public sealed class ParticipantRegisterTestsOnPostgres(PostgresApp app) : ParticipantRegisterTests<PostgresApp>(app);
