namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>A bot as metrics see it: its id, status and current (or last) run, null before its first start.</summary>
internal readonly record struct MeteredBot(string Id, BotStatus Status, Bot? Run);
