using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>One completed round trip in one instrument: flat, then holding, then flat again.</summary>
/// <param name="Instrument">What was traded.</param>
/// <param name="Owner">The strategy slot whose fill opened the trade (-1: the pipeline itself).</param>
/// <param name="Side">Long or short.</param>
/// <param name="EntryTime">Time of the fill that opened the trade, Unix epoch ms.</param>
/// <param name="ExitTime">Time of the fill that closed it, Unix epoch ms.</param>
/// <param name="Quantity">The largest absolute size held during the trade.</param>
/// <param name="EntryPrice">Average price of the fills that added to the position.</param>
/// <param name="ExitPrice">Average price of the fills that reduced it.</param>
/// <param name="GrossPnl">Realized profit of the trade before fees, in the quote asset.</param>
/// <param name="Fees">Fees paid on the trade's fills (a reversing fill's fee is split by quantity).</param>
/// <param name="EntryBar">Bar index of the opening fill.</param>
/// <param name="ExitBar">Bar index of the closing fill.</param>
public readonly record struct ClosedTrade(
    Instrument Instrument,
    int Owner,
    PositionSide Side,
    long EntryTime,
    long ExitTime,
    Quantity Quantity,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal GrossPnl,
    decimal Fees,
    int EntryBar,
    int ExitBar)
{
    /// <summary>Profit after fees.</summary>
    public decimal NetPnl => GrossPnl - Fees;

    /// <summary>
    /// Net profit as a fraction of the entry notional (average entry price × largest size):
    /// 0.05 is a 5% gain on the capital the trade tied up. Zero for a trade with no notional.
    /// </summary>
    public double ReturnFraction
    {
        get
        {
            // A statistic, so double: a decimal division here would cost more than booking the fill.
            var entryNotional = (double)EntryPrice * Quantity.ToDouble();
            return entryNotional == 0d ? 0d : (double)NetPnl / entryNotional;
        }
    }

    /// <summary>Time from the opening fill to the closing fill.</summary>
    public TimeSpan Duration => TimeSpan.FromMilliseconds(ExitTime - EntryTime);
}
