using WellbeingIndex.Functions.Hosting;

FunctionApp.Build(args).Run();

/// <summary>Entry point; public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
