using CryptoOrchestrator.Api.Security;

namespace CryptoOrchestrator.Api.Tests.Security;

public class ApiKeysTests
{
    [Fact]
    public void NewKey_CarriesItsPrefix_AndMatchesItsHashOnly()
    {
        var created = ApiKeys.Create();

        Assert.True(ApiKeys.TryGetPrefix(created.Key, out var prefix));
        Assert.Equal(created.Prefix, prefix);
        Assert.True(ApiKeys.Matches(created.Key, created.Hash));
        Assert.False(ApiKeys.Matches(created.Key[..^1] + (created.Key[^1] == 'A' ? 'B' : 'A'), created.Hash));
        Assert.DoesNotContain(created.Key[^20..], created.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoKeys_Differ_InPrefixAndSecret()
    {
        var first = ApiKeys.Create();
        var second = ApiKeys.Create();

        Assert.NotEqual(first.Prefix, second.Prefix);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("co_")]
    [InlineData("xx_abcdefghij_secret")]
    [InlineData("co_abcdefghijsecret")]
    [InlineData("co_abcdefghij_")]
    public void MalformedKeys_HaveNoPrefix(string? key)
    {
        Assert.False(ApiKeys.TryGetPrefix(key, out _));
    }
}
