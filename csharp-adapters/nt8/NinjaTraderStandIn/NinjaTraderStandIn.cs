// ================================================================================================
//  STAND-IN, NOT NINJATRADER.
//
//  A compile-only imitation of the few NinjaTrader 8 types RlBridgeStrategy.cs uses, so that the
//  strategy can be compiled (with Mono's mcs, in CI) without NinjaTrader installed: it catches
//  misspelt members, wrong overloads and C#-version problems before a user pastes the strategy
//  into NinjaTrader. Names, namespaces and signatures follow the NinjaTrader 8 help guide
//  (NinjaScript > Language Reference): OnStateChange, OnBarUpdate, OnOrderUpdate, OnExecutionUpdate,
//  OnPositionUpdate, AddDataSeries, the managed Enter/Exit/Set methods, CancelOrder,
//  TriggerCustomEvent, Order, Execution, Position, Instrument, the State/Calculate/... enums.
//  Everything else of NinjaTrader is missing, class hierarchies are simplified, and no member does
//  anything: every body throws NotImplementedException. Nothing here is NinjaTrader's code, and
//  it is never copied into NinjaTrader.
// ================================================================================================

using System;

namespace NinjaTrader.Cbi
{
    public enum OrderAction
    {
        Buy,
        BuyToCover,
        Sell,
        SellShort,
    }

    public enum OrderType
    {
        Limit,
        Market,
        MIT,
        StopLimit,
        StopMarket,
        Unknown,
    }

    public enum OrderState
    {
        Accepted,
        Cancelled,
        CancelPending,
        CancelSubmitted,
        ChangePending,
        ChangeSubmitted,
        Filled,
        Initialized,
        PartFilled,
        Rejected,
        Submitted,
        TriggerPending,
        Unknown,
        Working,
    }

    public enum TimeInForce
    {
        Day,
        Gtc,
        Gtd,
        Ioc,
        Opg,
    }

    public enum MarketPosition
    {
        Flat,
        Long,
        Short,
    }

    public enum ErrorCode
    {
        NoError,
        BrokerOrderError,
        InvalidInstrument,
        LoginFailed,
        NotConnected,
        NotSupported,
        OrderRejected,
        Panic,
        ServerConnectionIsBroken,
        UnableToCancelOrder,
        UnableToChangeOrder,
        UnableToSubmitOrder,
        UserAbort,
    }

    public class Account
    {
        public string Name { get { throw new NotImplementedException(); } }
    }

    public class MasterInstrument
    {
        public string Name { get { throw new NotImplementedException(); } }
        public double TickSize { get { throw new NotImplementedException(); } }
        public double PointValue { get { throw new NotImplementedException(); } }

        public double RoundToTickSize(double price)
        {
            throw new NotImplementedException();
        }
    }

    public class Instrument
    {
        public string FullName { get { throw new NotImplementedException(); } }
        public MasterInstrument MasterInstrument { get { throw new NotImplementedException(); } }
    }

    /// <summary>Stand-in of NinjaTrader.Cbi.Order (read-only, dynamic in NinjaTrader).</summary>
    public class Order
    {
        public Account Account { get { throw new NotImplementedException(); } }
        public double AverageFillPrice { get { throw new NotImplementedException(); } }
        public int Filled { get { throw new NotImplementedException(); } }
        public string FromEntrySignal { get { throw new NotImplementedException(); } }
        public DateTime Gtd { get { throw new NotImplementedException(); } }
        public bool HasOverfill { get { throw new NotImplementedException(); } }
        public Instrument Instrument { get { throw new NotImplementedException(); } }
        public bool IsBacktestOrder { get { throw new NotImplementedException(); } }
        public bool IsLiveUntilCancelled { get { throw new NotImplementedException(); } }
        public double LimitPrice { get { throw new NotImplementedException(); } }
        public string Name { get { throw new NotImplementedException(); } }
        public string Oco { get { throw new NotImplementedException(); } }
        public OrderAction OrderAction { get { throw new NotImplementedException(); } }
        public string OrderId { get { throw new NotImplementedException(); } }
        public OrderState OrderState { get { throw new NotImplementedException(); } }
        public OrderType OrderType { get { throw new NotImplementedException(); } }
        public int Quantity { get { throw new NotImplementedException(); } }
        public double StopPrice { get { throw new NotImplementedException(); } }
        public DateTime Time { get { throw new NotImplementedException(); } }
        public TimeInForce TimeInForce { get { throw new NotImplementedException(); } }

        /// <summary>True for Cancelled, Filled, Rejected and Unknown.</summary>
        public static bool IsTerminalState(OrderState orderState)
        {
            throw new NotImplementedException();
        }
    }

    /// <summary>Stand-in of NinjaTrader.Cbi.Execution.</summary>
    public class Execution
    {
        public Account Account { get { throw new NotImplementedException(); } }
        public int BarsInProgress { get { throw new NotImplementedException(); } }
        public double Commission { get { throw new NotImplementedException(); } }
        public string ExecutionId { get { throw new NotImplementedException(); } }
        public Instrument Instrument { get { throw new NotImplementedException(); } }
        public MarketPosition MarketPosition { get { throw new NotImplementedException(); } }
        public string Name { get { throw new NotImplementedException(); } }
        public Order Order { get { throw new NotImplementedException(); } }
        public string OrderId { get { throw new NotImplementedException(); } }
        public int Position { get { throw new NotImplementedException(); } }
        public int PositionStrategy { get { throw new NotImplementedException(); } }
        public double Price { get { throw new NotImplementedException(); } }
        public int Quantity { get { throw new NotImplementedException(); } }
        public DateTime Time { get { throw new NotImplementedException(); } }
    }

    /// <summary>Stand-in of NinjaTrader.Cbi.Position.</summary>
    public class Position
    {
        public Account Account { get { throw new NotImplementedException(); } }
        public double AveragePrice { get { throw new NotImplementedException(); } }
        public Instrument Instrument { get { throw new NotImplementedException(); } }
        public MarketPosition MarketPosition { get { throw new NotImplementedException(); } }
        public int Quantity { get { throw new NotImplementedException(); } }
    }
}

namespace NinjaTrader.Data
{
    public enum BarsPeriodType
    {
        Tick,
        Volume,
        Range,
        Second,
        Minute,
        Day,
        Week,
        Month,
        Year,
    }

    public class BarsPeriod
    {
        public BarsPeriodType BarsPeriodType { get { throw new NotImplementedException(); } }
        public int Value { get { throw new NotImplementedException(); } }
    }

    public class Bars
    {
        public BarsPeriod BarsPeriod { get { throw new NotImplementedException(); } }
        public int Count { get { throw new NotImplementedException(); } }
        public NinjaTrader.Cbi.Instrument Instrument { get { throw new NotImplementedException(); } }
    }
}

namespace NinjaTrader.Core
{
    /// <summary>Stand-in of NinjaTrader's general options (only the time zone bar times are in).</summary>
    public class GeneralOptions
    {
        public TimeZoneInfo TimeZoneInfo { get { throw new NotImplementedException(); } }
    }

    public static class Globals
    {
        public static GeneralOptions GeneralOptions { get { throw new NotImplementedException(); } }
    }
}

namespace NinjaTrader.NinjaScript
{
    using NinjaTrader.Cbi;
    using NinjaTrader.Data;

    public enum State
    {
        SetDefaults,
        Configure,
        Active,
        DataLoaded,
        Historical,
        Transition,
        Realtime,
        Terminated,
        Finalized,
    }

    public enum Calculate
    {
        OnBarClose,
        OnEachTick,
        OnPriceChange,
    }

    public enum CalculationMode
    {
        Currency,
        Percent,
        Pips,
        Price,
        Ticks,
    }

    public enum EntryHandling
    {
        AllEntries,
        UniqueEntries,
    }

    public enum StartBehavior
    {
        AdoptAccountPosition,
        ImmediatelySubmit,
        ImmediatelySubmitSynchronizeAccount,
        WaitUntilFlat,
        WaitUntilFlatSynchronizeAccount,
    }

    public enum RealtimeErrorHandling
    {
        IgnoreAllErrors,
        StopCancelClose,
        StopCancelCloseIgnoreRejects,
    }

    /// <summary>Marks a public property as a NinjaScript input (shown in the UI, part of the instance's identity).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class NinjaScriptPropertyAttribute : Attribute
    {
    }

    public interface ISeries<T>
    {
        T this[int barsAgo] { get; }
        int Count { get; }
    }

    public class PriceSeries : ISeries<double>
    {
        public double this[int barsAgo] { get { throw new NotImplementedException(); } }
        public int Count { get { throw new NotImplementedException(); } }
    }

    public class VolumeSeries : ISeries<double>
    {
        public double this[int barsAgo] { get { throw new NotImplementedException(); } }
        public int Count { get { throw new NotImplementedException(); } }
    }

    public class TimeSeries : ISeries<DateTime>
    {
        public DateTime this[int barsAgo] { get { throw new NotImplementedException(); } }
        public int Count { get { throw new NotImplementedException(); } }
    }

    /// <summary>Stand-in of NinjaScriptBase: lifecycle, data series, output.</summary>
    public abstract class NinjaScriptBase
    {
        public State State { get { throw new NotImplementedException(); } }
        public string Name { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public string Description { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public Calculate Calculate { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public virtual string DisplayName { get { throw new NotImplementedException(); } }

        public int BarsInProgress { get { throw new NotImplementedException(); } }
        public int CurrentBar { get { throw new NotImplementedException(); } }
        public int[] CurrentBars { get { throw new NotImplementedException(); } }
        public Bars[] BarsArray { get { throw new NotImplementedException(); } }
        public BarsPeriod BarsPeriod { get { throw new NotImplementedException(); } }
        public Instrument Instrument { get { throw new NotImplementedException(); } }
        public TimeSeries[] Times { get { throw new NotImplementedException(); } }
        public PriceSeries[] Opens { get { throw new NotImplementedException(); } }
        public PriceSeries[] Highs { get { throw new NotImplementedException(); } }
        public PriceSeries[] Lows { get { throw new NotImplementedException(); } }
        public PriceSeries[] Closes { get { throw new NotImplementedException(); } }
        public VolumeSeries[] Volumes { get { throw new NotImplementedException(); } }

        protected virtual void OnStateChange()
        {
        }

        protected virtual void OnBarUpdate()
        {
        }

        public void AddDataSeries(BarsPeriodType periodType, int period)
        {
            throw new NotImplementedException();
        }

        public void Print(object value)
        {
            throw new NotImplementedException();
        }

        public void TriggerCustomEvent(Action<object> customEvent, object state)
        {
            throw new NotImplementedException();
        }

        public void TriggerCustomEvent(Action<object> customEvent, int barsSeriesIndex, object state)
        {
            throw new NotImplementedException();
        }
    }

    /// <summary>Stand-in of StrategyBase: strategy settings, order events, managed order methods.</summary>
    public abstract class StrategyBase : NinjaScriptBase
    {
        public Account Account { get { throw new NotImplementedException(); } }
        public Position Position { get { throw new NotImplementedException(); } }
        public int BarsRequiredToTrade { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public int EntriesPerDirection { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public EntryHandling EntryHandling { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool IsExitOnSessionCloseStrategy { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public int ExitOnSessionCloseSeconds { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool IsInstantiatedOnEachOptimizationIteration { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool IsUnmanaged { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public RealtimeErrorHandling RealtimeErrorHandling { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public StartBehavior StartBehavior { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public TimeInForce TimeInForce { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool TraceOrders { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        protected virtual void OnOrderUpdate(Order order, double limitPrice, double stopPrice, int quantity, int filled,
            double averageFillPrice, OrderState orderState, DateTime time, ErrorCode error, string comment)
        {
        }

        protected virtual void OnExecutionUpdate(Execution execution, string executionId, double price, int quantity,
            MarketPosition marketPosition, string orderId, DateTime time)
        {
        }

        protected virtual void OnPositionUpdate(Position position, double averagePrice, int quantity, MarketPosition marketPosition)
        {
        }

        // ---- managed approach: entries ----

        public Order EnterLong() { throw new NotImplementedException(); }
        public Order EnterLong(string signalName) { throw new NotImplementedException(); }
        public Order EnterLong(int quantity) { throw new NotImplementedException(); }
        public Order EnterLong(int quantity, string signalName) { throw new NotImplementedException(); }
        public Order EnterLong(int barsInProgressIndex, int quantity, string signalName) { throw new NotImplementedException(); }

        public Order EnterShort() { throw new NotImplementedException(); }
        public Order EnterShort(string signalName) { throw new NotImplementedException(); }
        public Order EnterShort(int quantity) { throw new NotImplementedException(); }
        public Order EnterShort(int quantity, string signalName) { throw new NotImplementedException(); }
        public Order EnterShort(int barsInProgressIndex, int quantity, string signalName) { throw new NotImplementedException(); }

        public Order EnterLongLimit(double limitPrice) { throw new NotImplementedException(); }
        public Order EnterLongLimit(double limitPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterLongLimit(int quantity, double limitPrice) { throw new NotImplementedException(); }
        public Order EnterLongLimit(int quantity, double limitPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterLongLimit(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double limitPrice, string signalName) { throw new NotImplementedException(); }

        public Order EnterShortLimit(double limitPrice) { throw new NotImplementedException(); }
        public Order EnterShortLimit(double limitPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterShortLimit(int quantity, double limitPrice) { throw new NotImplementedException(); }
        public Order EnterShortLimit(int quantity, double limitPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterShortLimit(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double limitPrice, string signalName) { throw new NotImplementedException(); }

        public Order EnterLongStopMarket(double stopPrice) { throw new NotImplementedException(); }
        public Order EnterLongStopMarket(double stopPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterLongStopMarket(int quantity, double stopPrice) { throw new NotImplementedException(); }
        public Order EnterLongStopMarket(int quantity, double stopPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterLongStopMarket(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double stopPrice, string signalName) { throw new NotImplementedException(); }

        public Order EnterShortStopMarket(double stopPrice) { throw new NotImplementedException(); }
        public Order EnterShortStopMarket(double stopPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterShortStopMarket(int quantity, double stopPrice) { throw new NotImplementedException(); }
        public Order EnterShortStopMarket(int quantity, double stopPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterShortStopMarket(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double stopPrice, string signalName) { throw new NotImplementedException(); }

        public Order EnterLongStopLimit(double limitPrice, double stopPrice) { throw new NotImplementedException(); }
        public Order EnterLongStopLimit(double limitPrice, double stopPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterLongStopLimit(int quantity, double limitPrice, double stopPrice) { throw new NotImplementedException(); }
        public Order EnterLongStopLimit(int quantity, double limitPrice, double stopPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterLongStopLimit(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double limitPrice, double stopPrice, string signalName) { throw new NotImplementedException(); }

        public Order EnterShortStopLimit(double limitPrice, double stopPrice) { throw new NotImplementedException(); }
        public Order EnterShortStopLimit(double limitPrice, double stopPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterShortStopLimit(int quantity, double limitPrice, double stopPrice) { throw new NotImplementedException(); }
        public Order EnterShortStopLimit(int quantity, double limitPrice, double stopPrice, string signalName) { throw new NotImplementedException(); }
        public Order EnterShortStopLimit(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double limitPrice, double stopPrice, string signalName) { throw new NotImplementedException(); }

        // ---- managed approach: exits ----

        public Order ExitLong() { throw new NotImplementedException(); }
        public Order ExitLong(int quantity) { throw new NotImplementedException(); }
        public Order ExitLong(string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitLong(string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitLong(int quantity, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitLong(int barsInProgressIndex, int quantity, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }

        public Order ExitShort() { throw new NotImplementedException(); }
        public Order ExitShort(int quantity) { throw new NotImplementedException(); }
        public Order ExitShort(string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitShort(string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitShort(int quantity, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitShort(int barsInProgressIndex, int quantity, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }

        public Order ExitLongLimit(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double limitPrice, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitShortLimit(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double limitPrice, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitLongStopMarket(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double stopPrice, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitShortStopMarket(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double stopPrice, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitLongStopLimit(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double limitPrice, double stopPrice, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }
        public Order ExitShortStopLimit(int barsInProgressIndex, bool isLiveUntilCancelled, int quantity, double limitPrice, double stopPrice, string signalName, string fromEntrySignal) { throw new NotImplementedException(); }

        // ---- managed approach: protective orders ("Stop loss" / "Profit target"), set before the entry ----

        public void SetStopLoss(CalculationMode mode, double value) { throw new NotImplementedException(); }
        public void SetStopLoss(string fromEntrySignal, CalculationMode mode, double value, bool isSimulatedStop) { throw new NotImplementedException(); }
        public void SetProfitTarget(CalculationMode mode, double value) { throw new NotImplementedException(); }
        public void SetProfitTarget(CalculationMode mode, double value, bool isMIT) { throw new NotImplementedException(); }
        public void SetProfitTarget(string fromEntrySignal, CalculationMode mode, double value) { throw new NotImplementedException(); }
        public void SetProfitTarget(string fromEntrySignal, CalculationMode mode, double value, bool isMIT) { throw new NotImplementedException(); }

        public void CancelOrder(Order order) { throw new NotImplementedException(); }
    }
}

namespace NinjaTrader.NinjaScript.Strategies
{
    /// <summary>Stand-in of the Strategy base class every NinjaScript strategy derives from.</summary>
    public abstract class Strategy : NinjaTrader.NinjaScript.StrategyBase
    {
    }
}
