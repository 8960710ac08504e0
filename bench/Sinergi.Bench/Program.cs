using Sinergi.Bench;
using Sinergi.Bench.Generator;

// The benchmark of Sinergi, in two verbs; bench/run.sh runs both against a fresh data directory.
//   generate: fills a migrated, demo-seeded database with a registry of realistic size.
//   load (the default): drives HTTP load against a running Sinergi and writes a markdown table.
//   import: writes workbooks of 10,000 and 50,000 rows and times the app's import verb on them.
//   hostile: uploads four hostile files while the list is under load; the app's peak memory and the list's p95.
// By hand:
//   dotnet run -c Release --project bench/Sinergi.Bench -- generate --data /tmp/sinergi-data
//   dotnet run -c Release --project bench/Sinergi.Bench -- load --url http://127.0.0.1:5080 --token snrg_...
//   dotnet run -c Release --project bench/Sinergi.Bench -- import --app src/Sinergi.Web/bin/Release/net10.0/Sinergi.Web.dll --data /tmp/sinergi-data
switch (args.FirstOrDefault())
{
    case "generate":
        return DataGenerator.Run(args[1..]);
    case "load":
        return await LoadDriver.RunAsync(args[1..]);
    case "import":
        return await ImportBench.RunAsync(args[1..]);
    case "hostile":
        return await HostileBench.RunAsync(args[1..]);
    case "help" or "--help" or "-h":
        Console.WriteLine($"Usage: Sinergi.Bench {DataGenerator.Usage}");
        Console.WriteLine($"       Sinergi.Bench {LoadDriver.Usage}");
        Console.WriteLine($"       Sinergi.Bench {ImportBench.Usage}");
        Console.WriteLine($"       Sinergi.Bench {HostileBench.Usage}");
        return 0;
    default:
        return await LoadDriver.RunAsync(args);
}
