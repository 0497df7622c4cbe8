using System.Buffers;
using System.Buffers.Binary;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>
/// A stateful strategy whose every decision depends on all it has seen: it chains a hash over the
/// (close time, close) of every bar and trades on the hash — signals, a resting limit order it
/// cancels when stale, reduce-only exits. A bar missed or seen twice by any of its instances would
/// change what it does from then on. Its state (count, hash, working order, fills) hands over.
/// </summary>
internal sealed class HashingStrategy : IStrategy, IStatefulPlugin, IDisposable
{
    public const int Version = 3;
    private const ulong OffsetBasis = 14_695_981_039_346_656_037;
    private const int PayloadLength = 8 * 5;

    private IStrategyContext _context = null!;
    private ClientOrderId _working;
    private long _workingSince;

    public PluginMetadata Metadata { get; } = TestMetadata.For("hashing");

    public long BarsSeen { get; private set; }

    public ulong Hash { get; private set; } = OffsetBasis;

    public long FillsSeen { get; private set; }

    /// <summary>Updates and fills this instance received for orders an earlier instance placed.</summary>
    public int InheritedOrderEvents { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Makes RestoreState refuse the payload, as a build that cannot read it would.</summary>
    public bool RefuseState { get; init; }

    private ClientOrderId InheritedWorking { get; set; }

    /// <summary>The hash an instance that saw exactly <paramref name="bars"/>, in order, holds.</summary>
    public static ulong HashOf(IEnumerable<Bar> bars) => bars.Aggregate(OffsetBasis, Mix);

    public void Initialize(IStrategyContext context) => _context = context;

    public void OnBar(Instrument instrument, in Bar bar)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        BarsSeen++;
        Hash = Mix(Hash, bar);
        if (!_working.IsNone && BarsSeen - _workingSince >= 4)
        {
            _context.Cancel(_working);
        }

        switch (Hash % 9)
        {
            case 0:
                _context.Emit(new Signal(instrument, SignalDirection.Long, 0.5 + ((Hash >> 8) % 5 / 10.0)));
                break;
            case 1:
                _context.Emit(new Signal(instrument, SignalDirection.Short));
                break;
            case 2:
                _context.Emit(new Signal(instrument, SignalDirection.Flat));
                break;
            case 3 or 4 when _working.IsNone:
                var offset = Price.FromDecimal(Hash % 40);
                var buy = Hash % 9 == 3;
                _working = _context.Submit(OrderRequest.Limit(instrument, buy ? OrderSide.Buy : OrderSide.Sell, Quantity.FromDecimal(0.3m), buy ? bar.Close - offset : bar.Close + offset));
                _workingSince = BarsSeen;
                break;
            case 5:
                _context.Submit(OrderRequest.Market(instrument, OrderSide.Sell, Quantity.FromDecimal(0.2m)) with { ReduceOnly = true });
                break;
            default:
                break;
        }
    }

    public void OnOrderUpdate(in OrderSnapshot order)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        CountInherited(order.Id);
        if (order.Id == _working && order.IsFinal)
        {
            _working = ClientOrderId.None;
        }
    }

    public void OnFill(in Fill fill)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        CountInherited(fill.OrderId);
        FillsSeen++;
    }

    public int StateVersion => Version;

    public void SaveState(IBufferWriter<byte> payload)
    {
        var span = payload.GetSpan(PayloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(span, BarsSeen);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], Hash);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], FillsSeen);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], _working.Value);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], _workingSince);
        payload.Advance(PayloadLength);
    }

    public void RestoreState(int version, ReadOnlySpan<byte> payload)
    {
        if (RefuseState || version != Version || payload.Length != PayloadLength)
        {
            throw new InvalidOperationException($"cannot read state version {version} of {payload.Length} bytes");
        }

        BarsSeen = BinaryPrimitives.ReadInt64LittleEndian(payload);
        Hash = BinaryPrimitives.ReadUInt64LittleEndian(payload[8..]);
        FillsSeen = BinaryPrimitives.ReadInt64LittleEndian(payload[16..]);
        _working = new ClientOrderId(BinaryPrimitives.ReadInt64LittleEndian(payload[24..]));
        _workingSince = BinaryPrimitives.ReadInt64LittleEndian(payload[32..]);
        InheritedWorking = _working;
    }

    public void Dispose() => Disposed = true;

    private static ulong Mix(ulong hash, Bar bar)
    {
        const ulong prime = 1_099_511_628_211;
        hash = (hash ^ (ulong)bar.CloseTime) * prime;
        return (hash ^ (ulong)bar.Close.Units) * prime;
    }

    private void CountInherited(ClientOrderId id)
    {
        if (!id.IsNone && id == InheritedWorking)
        {
            InheritedOrderEvents++;
        }
    }
}
