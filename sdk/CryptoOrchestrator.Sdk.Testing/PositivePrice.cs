using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>Prices a test writes as decimals: exact (at most 8 decimal places) and positive, or refused naming the argument.</summary>
internal static class PositivePrice
{
    public static Price From(decimal value, string argumentName) =>
        value > 0m
            ? Price.FromDecimal(value)
            : throw new ArgumentOutOfRangeException(argumentName, value, $"{argumentName} must be a positive price.");
}
