using Sinergi.Web;
using Sinergi.Web.Api;
using Sinergi.Web.Auth;
using Sinergi.Web.Cli;
using Sinergi.Web.Data;
using Sinergi.Web.Import;
using Sinergi.Web.Infrastructure.Files;

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));
builder.AddData();
builder.AddFiles();
builder.AddImport();
builder.AddAuth();
builder.AddWeb();
builder.AddApi();

var app = builder.Build();
if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(app, args);

await app.PrepareDatabaseAsync();
app.UseWeb();
app.MapApi();
app.AnnounceWhenStarted();
await app.RunAsync();
return 0;

public partial class Program;
