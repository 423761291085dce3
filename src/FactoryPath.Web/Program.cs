using FactoryPath.Web;

var app = PlatformHost.Build(args);
await app.RunAsync();

public partial class Program;
