namespace Site.Tests.Deployers;

/// <summary>features list | enable | disable and users create | list | add-role | remove-role.</summary>
public sealed class CliFeatureAndUserTests(SetUpCliSite fixture) : IClassFixture<SetUpCliSite>
{
    private CliSite Site => fixture.Site;

    [Fact]
    public async Task FeaturesList_MarksEnabledFeatures()
    {
        var run = await Site.RunAsync("features", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[x] NewsCommentary (needs Contents, Markdown):", run.Out, StringComparison.Ordinal);
        Assert.Contains("[x] Cms (always on):", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeaturesDisableThenEnable_ChangesFeatureState()
    {
        var disabled = await Site.RunAsync("features", "disable", "Recipes");
        var listed = await Site.RunAsync("features", "list");
        var enabled = await Site.RunAsync("features", "enable", "OrchardCore.Recipes");
        var again = await Site.RunAsync("features", "enable", "Recipes");

        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Assert.Contains("feature disabled: Recipes", disabled.Out, StringComparison.Ordinal);
        Assert.Contains("[ ] Recipes", listed.Out, StringComparison.Ordinal);
        Assert.True(enabled.ExitCode == 0, enabled.ToString());
        Assert.Contains("feature enabled: Recipes", enabled.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing to enable", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeaturesEnable_Exits1_NamingEveryUnknownFeature()
    {
        var before = Site.Fingerprint();

        var run = await Site.RunAsync("features", "enable", "Recipes", "NoSuchFeature", "OrchardCore.Lucene");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("There is no feature 'NoSuchFeature'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("'OrchardCore.Lucene' is an Orchard Core feature that this site does not have.", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Site.Fingerprint());
    }

    [Fact]
    public async Task FeaturesDisable_Exits1_WhenAnotherFeatureNeedsIt()
    {
        var run = await Site.RunAsync("features", "disable", "Markdown");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches("'Markdown' cannot be disabled because '(Comments|NewsCommentary)' needs it", run.Error);
    }

    [Fact]
    public async Task UsersCreate_CreatesUserWithRoles_AndListShowsThem()
    {
        var name = NewUserName();

        var created = await Site.RunAsync("users", "create", name, "--email", $"{name}@example.com", "--password", "a long pass phrase", "--role", "Editor", "--role", "Author");
        var list = await Site.RunAsync("users", "list");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"user created: {name} <{name}@example.com> with role(s) Editor, Author", created.Out, StringComparison.Ordinal);
        Assert.Contains($"{name} <{name}@example.com>: Author, Editor", list.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--role", "NoSuchRole", "there is no role 'NoSuchRole'")]
    [InlineData("--password", "short", "at least 12 characters")]
    [InlineData("--email", "admin@example.com", "is already taken")]
    public async Task UsersCreate_Exits1AndWritesNothing_WhenInputIsBad(string option, string value, string message)
    {
        var name = NewUserName();
        var args = new List<string> { "users", "create", name, "--email", $"{name}@example.com", "--password", "a long pass phrase" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var before = Site.Fingerprint();

        var run = await Site.RunAsync([.. args]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Site.Fingerprint());
    }

    [Fact]
    public async Task UsersCreate_Exits1_WhenRequiredOptionIsMissing()
    {
        var run = await Site.RunAsync("users", "create", NewUserName(), "--password", "a long pass phrase");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("--email", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAddRoleAndRemoveRole_ChangeTheUsersRoles()
    {
        var name = NewUserName();
        await Site.RunAsync("users", "create", name, "--email", $"{name}@example.com", "--password", "a long pass phrase");

        var added = await Site.RunAsync("users", "add-role", name, "moderator");
        var listed = await Site.RunAsync("users", "list");
        var removed = await Site.RunAsync("users", "remove-role", name, "Moderator");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains($"{name}: role Moderator added.", added.Out, StringComparison.Ordinal);
        Assert.Contains($"{name} <{name}@example.com>: Moderator", listed.Out, StringComparison.Ordinal);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains($"{name}: role Moderator removed.", removed.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add-role", "nobody", "Editor", "there is no user 'nobody'")]
    [InlineData("add-role", "admin", "NoSuchRole", "there is no role 'NoSuchRole'")]
    [InlineData("remove-role", "admin", "Administrator", "the only administrator")]
    public async Task UsersRoleChange_Exits1_WhenInputIsBad(string verb, string user, string role, string message)
    {
        var run = await Site.RunAsync("users", verb, user, role);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    private static string NewUserName() => "user" + Guid.NewGuid().ToString("N")[..8];
}
