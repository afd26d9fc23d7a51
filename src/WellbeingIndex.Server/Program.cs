using WellbeingIndex.Server;

StandaloneServer.Build(args).Run();
