using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Web;

namespace Sinergi.Features.Errors;

/// <summary>What a person sees for 404, 403 and other status codes, re-executed by the status-code pages.</summary>
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code = 404)
    {
        Code = code;
        (Heading, Explanation) = code switch
        {
            403 => ("Anda tidak memiliki akses ke halaman ini",
                "Peran akun Anda tidak mengizinkan membuka halaman ini. Bila Anda memerlukannya, hubungi Admin Kerja Sama daerah Anda."),
            404 => ("Halaman tidak ditemukan",
                "Alamat yang Anda buka tidak ada, sudah dipindahkan, atau datanya bukan milik daerah Anda."),
            400 => ("Permintaan tidak dapat diproses",
                "Permintaan tidak lengkap atau formulir sudah kedaluwarsa. Muat ulang halaman lalu coba lagi."),
            405 => ("Cara akses tidak didukung", "Halaman ini tidak dapat dibuka dengan cara tersebut."),
            429 => ("Terlalu banyak percobaan masuk",
                $"Demi keamanan akun, percobaan masuk dari jaringan Anda ditahan sementara. Coba lagi dalam {Wait(RateLimits.RetryAfterSeconds(HttpContext))}. "
                + "Bila Anda lupa kata sandi, hubungi Admin Kerja Sama daerah Anda untuk mengatur ulang."),
            413 => ("Berkas terlalu besar",
                "Berkas yang Anda kirim jauh melebihi batas unggah sehingga tidak diterima dan tidak disimpan. Perkecil berkasnya (mis. pindai ulang dengan resolusi lebih rendah) lalu coba lagi."),
            _ => ("Permintaan tidak dapat diproses", "Silakan kembali ke Beranda dan coba lagi."),
        };
        // Direct visits to /Status keep the status they describe.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
    }

    public void OnPost(int code = 404) => OnGet(code);

    private static string Wait(int? seconds) => seconds switch
    {
        null => "beberapa menit",
        < 60 => $"{seconds} detik",
        _ => $"{(seconds.Value + 59) / 60} menit",
    };
}
