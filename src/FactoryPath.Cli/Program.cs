using FactoryPath.Cli;

return await CliApp.RunAsync(args);
