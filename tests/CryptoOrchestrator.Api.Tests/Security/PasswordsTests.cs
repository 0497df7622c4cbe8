using CryptoOrchestrator.Api.Security;
using Microsoft.AspNetCore.Identity;

namespace CryptoOrchestrator.Api.Tests.Security;

public class PasswordsTests
{
    [Fact]
    public void RightPassword_Verifies_WrongOneDoesNot_AndTheHashIsSalted()
    {
        var hash = Passwords.Hash("correct horse battery");

        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(hash, "correct horse battery"));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(hash, "correct horse batterY"));
        Assert.NotEqual(hash, Passwords.Hash("correct horse battery"));
        Assert.DoesNotContain("horse", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortPassword_IsRefused_NamingTheRule()
    {
        var error = Assert.Throws<ArgumentException>(() => Passwords.Hash("short"));

        Assert.Contains($"at least {Passwords.MinimumLength} characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedStoredHash_IsAFailedCheck_NotAnError()
    {
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify("not-a-hash!", "correct horse battery"));
    }
}
