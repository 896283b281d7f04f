using Cms.Cli;

namespace Cms.Tests.Cli;

/// <summary>Which command lines start the web site (none, or the host's own options) and which are a verb's.</summary>
public sealed class HostArgumentsTests
{
    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5080")]
    [InlineData("--urls=http://127.0.0.1:5080")]
    [InlineData("--environment", "Staging", "--contentRoot", "/srv/site")]
    [InlineData("--Cms:AppData=/srv/data", "--Redis:Configuration", "127.0.0.1:6379")]
    [InlineData("--AllowedHosts=example.com")]
    public void IsCommand_IsFalse_ForNoArgumentsOrHostOptionsOnly(params string[] args)
        => Assert.False(CliHost.IsCommand(args));

    [Theory]
    [InlineData("export")]
    [InlineData("--Cms:AppData=/srv/data", "export")]
    [InlineData("--urls", "http://127.0.0.1:5080", "recipes", "list")]
    [InlineData("nosuchverb", "--help")]
    [InlineData("import", "blogger", "FILE")]
    [InlineData("--help")]
    [InlineData("--urls")]
    [InlineData("--dry-run", "x")]
    public void IsCommand_IsTrue_ForAVerbAMistakeOrHelp(params string[] args)
        => Assert.True(CliHost.IsCommand(args));

    [Fact]
    public void Remove_LeavesTheVerbItsOwnOptions_AndTakesOutTheHosts()
    {
        var rest = HostArguments.Remove(["--urls", "http://x", "--Cms:AppData=/d", "setup", "--site-name=My site", "--Setup:AdminEmail", "a@example.com", "--admin-user", "admin", "--environment", "Staging"]);

        Assert.Equal(["setup", "--site-name=My site", "--admin-user", "admin"], rest);
    }
}
