using System.Buffers;
using System.Buffers.Binary;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace Counting;

/// <summary>
/// Trades a fixed rule (long while the close is above the close three bars back, flat otherwise) and
/// hands everything it knows to its next version: bars seen, a running hash of them, the closes its
/// rule looks back on, and the direction it last asked for. Throws if a bar comes twice or out of order.
/// </summary>
public sealed class CountingStrategy : IStrategy, IStatefulPlugin
{
    private const int Lookback = 3;
    private const int PayloadBytes = 8 + 8 + 8 + 4 + (Lookback * 8);
    private readonly long[] _closes = new long[Lookback];
    private IStrategyContext _context = null!;
    private long _count;
    private ulong _hash = 14695981039346656037;
    private long _lastOpenTime = long.MinValue;
    private int _direction;

    public PluginMetadata Metadata { get; } = new()
    {
        Id = "counting",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.2.0, 1.0.0)",
        Description = "Counts and hashes every bar it sees; hands its state over on reload.",
    };

    public int StateVersion => 1;

    public void Initialize(IStrategyContext context) => _context = context;

    public void OnBar(Instrument instrument, in Bar bar)
    {
        if (bar.OpenTime <= _lastOpenTime)
        {
            throw new InvalidOperationException($"bar {bar.OpenTime} came after {_lastOpenTime}: twice or out of order");
        }

        _lastOpenTime = bar.OpenTime;
        _hash = (_hash ^ (ulong)bar.OpenTime) * 1099511628211;
        _hash = (_hash ^ (ulong)bar.Close.Units) * 1099511628211;
        var slot = (int)(_count % Lookback);
        var lookedBack = _closes[slot];
        _closes[slot] = bar.Close.Units;
        _count++;
        if (_count <= Lookback)
        {
            return;
        }

        var wanted = bar.Close.Units > lookedBack ? 1 : 0;
        if (wanted != _direction)
        {
            _direction = wanted;
            _context.Emit(new Signal(instrument, wanted == 1 ? SignalDirection.Long : SignalDirection.Flat));
        }
    }

    public void SaveState(IBufferWriter<byte> payload)
    {
        var span = payload.GetSpan(PayloadBytes);
        BinaryPrimitives.WriteInt64LittleEndian(span, _count);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], _hash);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], _lastOpenTime);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], _direction);
        for (var i = 0; i < Lookback; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[(28 + (8 * i))..], _closes[i]);
        }

        payload.Advance(PayloadBytes);
    }

    public void RestoreState(int version, ReadOnlySpan<byte> payload)
    {
        if (version != 1 || payload.Length != PayloadBytes)
        {
            throw new InvalidOperationException($"cannot read state version {version} of {payload.Length} bytes");
        }

        _count = BinaryPrimitives.ReadInt64LittleEndian(payload);
        _hash = BinaryPrimitives.ReadUInt64LittleEndian(payload[8..]);
        _lastOpenTime = BinaryPrimitives.ReadInt64LittleEndian(payload[16..]);
        _direction = BinaryPrimitives.ReadInt32LittleEndian(payload[24..]);
        for (var i = 0; i < Lookback; i++)
        {
            _closes[i] = BinaryPrimitives.ReadInt64LittleEndian(payload[(28 + (8 * i))..]);
        }
    }
}
