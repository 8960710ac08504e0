using Sinergi.Cli;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Features.Import;
using Sinergi.Features.Notifications;
using Sinergi.Features.Proposals;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;
using Sinergi.Web.Api;

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));
builder.AddData();
builder.AddFiles();
builder.AddImport();
builder.AddDocuments();
builder.AddNotifications();
builder.AddProposals();
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
