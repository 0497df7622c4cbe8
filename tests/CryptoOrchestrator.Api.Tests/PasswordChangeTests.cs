using System.Net.Http.Json;
using CryptoOrchestrator.Api.Tests.Fixtures;

namespace CryptoOrchestrator.Api.Tests;

public class PasswordChangeTests
{
    [Fact]
    public async Task WrongCurrentPassword_Is400NamingIt_AndTheOldPasswordStillSignsIn()
    {
        await using var node = await ApiNode.StartAsync();
        using var admin = await node.AdminAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-the-password", newPassword = "another-long-password" })).ExpectAsync(400);
        using var stillWorks = await node.SignInAsync(ApiNode.AdminUser, ApiNode.AdminPassword);

        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _), problem.ToString());
    }

    [Fact]
    public async Task ShortNewPassword_Is400NamingIt()
    {
        await using var node = await ApiNode.StartAsync();
        using var admin = await node.AdminAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/auth/password", new { currentPassword = ApiNode.AdminPassword, newPassword = "short" })).ExpectAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("newPassword", out _), problem.ToString());
    }

    [Fact]
    public async Task ChangedPassword_SignsIn_TheOldOneNoLonger_AndTheChangeIsAudited()
    {
        await using var node = await ApiNode.StartAsync();
        using var admin = await node.AdminAsync();

        var changed = await admin.PostAsJsonAsync("/api/auth/password", new { currentPassword = ApiNode.AdminPassword, newPassword = "a-brand-new-password" });
        using var anonymous = node.Anonymous();
        var withOld = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = ApiNode.AdminUser, password = ApiNode.AdminPassword });
        using var withNew = await node.SignInAsync(ApiNode.AdminUser, "a-brand-new-password");
        var audit = await node.Store.Audit.ReadAsync();

        Assert.Equal(204, (int)changed.StatusCode);
        Assert.Equal(401, (int)withOld.StatusCode);
        var entry = Assert.Single(audit, e => e.Action == "user.password");
        Assert.DoesNotContain("a-brand-new-password", entry.DetailsJson, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiNode.AdminPassword, entry.DetailsJson, StringComparison.Ordinal);
    }
}
