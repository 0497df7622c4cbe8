using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>An exchange account as the API shows it: the exchange's API key only by its last characters, the secret never.</summary>
internal sealed record ExchangeAccountView(string Id, string Name, string Exchange, string ApiKeyHint, long CreatedMs)
{
    private const int Shown = 4;

    public static ExchangeAccountView Of(ExchangeAccountRecord account) =>
        new(account.Id, account.Name, account.Exchange, Hint(account.ApiKey), account.CreatedMs);

    private static string Hint(string key) => key.Length <= Shown * 2 ? "****" : "****" + key[^Shown..];
}
