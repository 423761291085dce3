using FactoryPath.Browser.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FactoryPath.Browser.Tests.Smoke;

[Collection(BrowserCollection.Name)]
public class PlatformServerTests(BrowserFixture fixture)
{
    [Fact]
    public void Server_Started_ListensOnALoopbackPortOfItsOwn()
    {
        var address = fixture.BaseAddress;

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.EndsWith("/", address.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_Started_GotItsOwnDataDirectoryThroughConfiguration()
    {
        var configuration = fixture.Server.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(fixture.Server.DataDirectory, configuration["FactoryPath:DataDirectory"]);
        Assert.True(Directory.Exists(fixture.Server.DataDirectory));
        Assert.StartsWith(Path.GetTempPath(), fixture.Server.DataDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_Started_RunsAsTheWebAppInDevelopment()
    {
        var environment = fixture.Server.Services.GetRequiredService<IHostEnvironment>();

        Assert.Equal("FactoryPath.Web", environment.ApplicationName);
        Assert.Equal(Environments.Development, environment.EnvironmentName);
        Assert.Equal("FactoryPath.Web", new DirectoryInfo(environment.ContentRootPath).Name);
    }
}
