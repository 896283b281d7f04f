// Only `dotnet ef` runs this project's code (DesignTimeFactory); run on its own, it says so.
Console.WriteLine("Generates the site's EF Core compiled models: see tools/EfModel/README.md (tools/EfModel/regenerate.sh).");
