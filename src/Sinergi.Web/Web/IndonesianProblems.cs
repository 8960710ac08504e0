namespace Sinergi.Web;

/// <summary>
/// ProblemDetails that the framework writes on its own (a route that does not exist, a body that
/// is not JSON, an unhandled error) get an Indonesian title, like the ones Sinergi writes itself.
/// </summary>
public static class IndonesianProblems
{
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var english = problem.Status is int status ? ReasonPhrases(status) : null;
        if (problem.Title is null || problem.Title == english)
        {
            problem.Title = problem.Status switch
            {
                400 => "Permintaan tidak valid",
                401 => "Tidak terautentikasi",
                403 => "Akses ditolak",
                404 => "Tidak ditemukan",
                405 => "Metode tidak didukung",
                409 => "Konflik data",
                412 => "Data sudah berubah",
                415 => "Format isi tidak didukung",
                >= 500 => "Terjadi kesalahan di server",
                _ => problem.Title,
            };
        }
        if (problem.Status >= 500)
            problem.Detail = "Permintaan tidak dapat diselesaikan dan tidak ada data yang disimpan setengah jalan. Sebutkan traceId kepada admin bila berulang.";
    }

    private static string? ReasonPhrases(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        412 => "Precondition Failed",
        415 => "Unsupported Media Type",
        500 => "An error occurred while processing your request.",
        _ => null,
    };
}
