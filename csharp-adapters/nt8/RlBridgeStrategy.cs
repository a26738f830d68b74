// RlBridgeStrategy: the NinjaTrader 8 end of the RL Trading SDK bridge (wire protocol v1, docs/nt8-protocol.md).
//
// Install: copy this file and RlBridgeClient/RlBridgeClient.cs into Documents\NinjaTrader 8\bin\Custom\Strategies,
// compile in the NinjaScript Editor (F5), then add RlBridgeStrategy to a 1-minute chart of the instrument the
// Java session trades, with Host/Port/Token set to the Java bridge (rl-broker-nt8).
//
// What it does:
//   * sends every closed bar of the primary (1m) series and of the 5m and 15m series it adds, historical ones
//     flagged "historical": true (the Java session warms up on them);
//   * after each real-time primary bar (and the added bars closing with it) sends an action_request;
//   * executes the bridge's "order" requests with NinjaTrader's managed approach (EnterLong/EnterShort,
//     ExitLong/ExitShort, the Limit/StopMarket/StopLimit variants, SetStopLoss/SetProfitTarget for brackets)
//     and answers each with an order_update SUBMITTED or REJECTED (with the reason);
//   * reports NinjaTrader's order updates, executions and position; bracket exits as "<entry>-sl"/"<entry>-tp";
//   * answers sync_request (executions of this run replayed, working orders, position, sync_done);
//   * while the bridge is unreachable no order is placed; FlattenOnDisconnect optionally cancels working
//     entries and closes the position.
//
// Threads: NinjaTrader calls OnBarUpdate/On*Update on its own threads; the bridge's messages arrive on the
// client's dispatch thread and reach NinjaTrader's order methods through TriggerCustomEvent. All bookkeeping
// is under one lock. Written in C# 5 syntax so that every NinjaTrader 8 build compiles it.

#region Using declarations
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Runtime.CompilerServices;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using RlTrading.Bridge;
#endregion

// This namespace holds all strategies and is required. Do not change it.
namespace NinjaTrader.NinjaScript.Strategies
{
    public class RlBridgeStrategy : Strategy
    {
        private const string Version = "0.1.0";
        private const int MaxQueuedBars = 50000;
        private const string StopLossName = "Stop loss";       // the name NinjaTrader gives SetStopLoss orders
        private const string ProfitTargetName = "Profit target"; // ... and SetProfitTarget orders
        private const string ClosePositionName = "Close position"; // ... and the close part of a reversal
        private const int MaxSignalLength = 50;                  // NinjaTrader's limit on signal names

        private readonly object sync = new object();
        private readonly Queue<JsonObject> unsentBars = new Queue<JsonObject>();
        private readonly Dictionary<string, BridgeOrder> orders = new Dictionary<string, BridgeOrder>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> signalToClientId = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<Order, BridgeOrder> byNinjaOrder = new Dictionary<Order, BridgeOrder>(new SameObject());
        private readonly List<JsonObject> executionLog = new List<JsonObject>();

        private RlBridgeClient client;
        private string[] timeframes;       // per BarsInProgress: "1m", "5m", "15m" ... or null (not sent)
        private int[] periodMinutes;       // per BarsInProgress: bar length in minutes, 0 when not minute-based
        private DateTime[] lastBarEnd;     // per BarsInProgress: end of the last bar sent (UTC)
        private DateTime? pendingActionEnd;
        private string instrumentName;
        private string reversalClientId;   // the order whose reversal NinjaTrader splits into "Close position" + entry
        private double positionQuantity;   // signed, from OnPositionUpdate
        private double positionAverage;
        private int signalSequence;
        private int foreignSequence;
        private int flattenSequence;
        private bool queueOverflowReported;
        private long ordersRejected;
        private long actionsSkipped;
        private long badMessages;
        private bool skipReported;

        #region Inputs

        [NinjaScriptProperty]
        [Display(Name = "Host", Description = "Address of the Java bridge (rl-broker-nt8)", Order = 1, GroupName = "Parameters")]
        public string Host { get; set; }

        [NinjaScriptProperty]
        [Range(1, 65535)]
        [Display(Name = "Port", Description = "TCP port of the Java bridge", Order = 2, GroupName = "Parameters")]
        public int Port { get; set; }

        [NinjaScriptProperty]
        [PasswordPropertyText(true)]
        [Display(Name = "Token", Description = "Shared secret of the bridge (hello.token); empty when it has none", Order = 3, GroupName = "Parameters")]
        public string Token { get; set; }

        [NinjaScriptProperty]
        [Range(1, int.MaxValue)]
        [Display(Name = "QuantityCap", Description = "Orders that would take |position + working entries| above this are rejected", Order = 4, GroupName = "Parameters")]
        public int QuantityCap { get; set; }

        [NinjaScriptProperty]
        [Range(100, 600000)]
        [Display(Name = "RequestTimeoutMs", Description = "How long to wait for the bridge's welcome and replies", Order = 5, GroupName = "Parameters")]
        public int RequestTimeoutMs { get; set; }

        [NinjaScriptProperty]
        [Range(100, 600000)]
        [Display(Name = "HeartbeatMs", Description = "A heartbeat is sent when nothing was sent for this long", Order = 6, GroupName = "Parameters")]
        public int HeartbeatMs { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "FlattenOnDisconnect", Description = "When the bridge is lost: cancel working entries and close the position", Order = 7, GroupName = "Parameters")]
        public bool FlattenOnDisconnect { get; set; }

        #endregion

        /// <summary>Shown on the chart and in the Strategies tab; leaves the token out.</summary>
        public override string DisplayName
        {
            get { return "RlBridgeStrategy(" + Host + ":" + Port.ToString(CultureInfo.InvariantCulture) + ")"; }
        }

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Name = "RlBridgeStrategy";
                Description = "Bridge to an RL Trading SDK session (rl-broker-nt8, protocol v1): sends bars, executes its orders";
                Calculate = Calculate.OnBarClose;
                EntriesPerDirection = 1;
                EntryHandling = EntryHandling.UniqueEntries; // every bridge order has its own signal name
                IsExitOnSessionCloseStrategy = false;         // the Java session decides when to be flat
                BarsRequiredToTrade = 0;
                StartBehavior = StartBehavior.WaitUntilFlat;
                TimeInForce = TimeInForce.Gtc;
                RealtimeErrorHandling = RealtimeErrorHandling.StopCancelClose;
                TraceOrders = false;
                IsInstantiatedOnEachOptimizationIteration = true;

                Host = "127.0.0.1";
                Port = 8888;
                Token = "";
                QuantityCap = 10;
                RequestTimeoutMs = 5000;
                HeartbeatMs = 5000;
                FlattenOnDisconnect = false;
            }
            else if (State == State.Configure)
            {
                AddDataSeries(BarsPeriodType.Minute, 5);
                AddDataSeries(BarsPeriodType.Minute, 15);
            }
            else if (State == State.DataLoaded)
            {
                StartBridge();
            }
            else if (State == State.Realtime)
            {
                lock (sync)
                {
                    positionQuantity = SignedPosition();
                    positionAverage = positionQuantity == 0 ? 0 : Position.AveragePrice;
                }
            }
            else if (State == State.Terminated)
            {
                StopBridge();
            }
        }

        // ---- the bridge client ----------------------------------------------------------------------------

        private void StartBridge()
        {
            int series = BarsArray.Length;
            timeframes = new string[series];
            periodMinutes = new int[series];
            lastBarEnd = new DateTime[series];
            List<string> sent = new List<string>();
            for (int i = 0; i < series; i++)
            {
                BarsPeriod p = BarsArray[i].BarsPeriod;
                periodMinutes[i] = p.BarsPeriodType == BarsPeriodType.Minute ? p.Value : 0;
                timeframes[i] = TimeframeOf(p);
                if (timeframes[i] == null)
                {
                    Print("RlBridge: series " + i + " (" + p.BarsPeriodType + " " + p.Value + ") has no protocol timeframe; its bars are not sent");
                }
                else if (sent.Contains(timeframes[i]))
                {
                    Print("RlBridge: series " + i + " repeats timeframe " + timeframes[i] + "; only the first is sent");
                    timeframes[i] = null;
                }
                else
                {
                    sent.Add(timeframes[i]);
                }
            }
            if (timeframes[0] != "1m")
            {
                Print("RlBridge: warning: the chart's series is " + (timeframes[0] ?? "not minute-based") + "; the bridge expects a 1 Minute chart");
            }
            instrumentName = Instrument.FullName;

            RlBridgeClientOptions options = new RlBridgeClientOptions();
            options.Host = Host;
            options.Port = Port;
            options.Token = string.IsNullOrEmpty(Token) ? null : Token;
            options.Instrument = instrumentName;
            options.Account = Account != null ? Account.Name : null;
            options.Timeframes = sent.ToArray();
            options.ClientName = "RlBridgeStrategy " + Version;
            options.RequestTimeoutMs = RequestTimeoutMs;
            options.HeartbeatMs = HeartbeatMs;

            client = new RlBridgeClient(options);
            client.Log += OnBridgeLog;
            client.Connected += OnBridgeConnected;
            client.Disconnected += OnBridgeDisconnected;
            client.OrderReceived += OnBridgeOrder;
            client.CancelReceived += OnBridgeCancel;
            client.SyncRequested += OnBridgeSync;
            client.ActionResponseReceived += OnBridgeActionResponse;
            client.ErrorReceived += OnBridgeError;
            client.Start();
            Print("RlBridge: connecting to " + Host + ":" + Port + " for " + instrumentName + " (" + string.Join(", ", sent.ToArray()) + ")");
        }

        private void StopBridge()
        {
            RlBridgeClient c = client;
            if (c == null)
            {
                return;
            }
            client = null;
            c.Dispose();
            Print("RlBridge: stopped; sent " + c.MessagesSent + " messages, received " + c.MessagesReceived + ", reconnects "
                + c.Reconnects + ", request timeouts " + c.RequestTimeouts + ", errors from the bridge " + c.ErrorsReceived
                + ", orders rejected " + ordersRejected + ", actions skipped " + actionsSkipped);
        }

        private static string TimeframeOf(BarsPeriod p)
        {
            if (p.BarsPeriodType == BarsPeriodType.Minute)
            {
                switch (p.Value)
                {
                    case 1: return "1m";
                    case 5: return "5m";
                    case 15: return "15m";
                    case 60: return "1h";
                }
                return null;
            }
            if (p.BarsPeriodType == BarsPeriodType.Day && p.Value == 1)
            {
                return "1d";
            }
            return null;
        }

        private void OnBridgeLog(object sender, BridgeLogEventArgs e)
        {
            if (e.Text.StartsWith("bridge error bad_message", StringComparison.Ordinal))
            {
                // A restarted strategy re-sends its history; the bridge drops the bars it has, one error each.
                long n = System.Threading.Interlocked.Increment(ref badMessages);
                if (n > 5 && n % 100 != 0)
                {
                    return;
                }
                Print("RlBridge: " + e.Text + (n >= 5 ? " (" + n + " such errors so far)" : ""));
                return;
            }
            Print("RlBridge: " + e.Text);
        }

        private void OnBridgeConnected(object sender, EventArgs e)
        {
            lock (sync)
            {
                FlushBars();
                skipReported = false;
            }
        }

        private void OnBridgeDisconnected(object sender, BridgeDisconnectedEventArgs e)
        {
            if (client == null)
            {
                return; // the strategy is stopping
            }
            bool flatten = FlattenOnDisconnect && State == State.Realtime;
            Print("RlBridge: the bridge is unreachable (" + e.Reason + "); no new orders until it is back"
                + (flatten ? "; flattening" : "; working orders stay"));
            if (flatten)
            {
                try
                {
                    TriggerCustomEvent(delegate(object unused) { Flatten(); }, null);
                }
                catch (Exception ex)
                {
                    Print("RlBridge: could not flatten: " + ex.Message);
                }
            }
        }

        private void OnBridgeError(object sender, BridgeMessageEventArgs e)
        {
            // Already logged by the client; the codes that end the connection lead to a reconnect.
        }

        private void OnBridgeActionResponse(object sender, BridgeMessageEventArgs e)
        {
            JsonObject m = e.Message;
            double? target = m.GetNumber("targetPosition");
            if (TraceOrders)
            {
                Print("RlBridge: action for " + m.GetString("barEnd", "?") + ": target " + (target.HasValue ? Fmt(target.Value) : "?")
                    + " (" + m.GetString("source", "") + ")");
            }
        }

        // ---- bars ---------------------------------------------------------------------------------------------

        protected override void OnBarUpdate()
        {
            if (client == null)
            {
                return;
            }
            int bip = BarsInProgress;
            if (bip < 0 || bip >= timeframes.Length || timeframes[bip] == null || CurrentBars[bip] < 0)
            {
                return;
            }
            DateTime end = ToUtc(Times[bip][0]);
            bool historical = State == State.Historical;
            lock (sync)
            {
                if (pendingActionEnd.HasValue && end > pendingActionEnd.Value)
                {
                    SendPendingAction(); // an added series' bar never closed with the primary one
                }
                if (end <= lastBarEnd[bip])
                {
                    return;
                }
                lastBarEnd[bip] = end;
                JsonObject bar = RlBridgeClient.Message("bar")
                    .Set("instrument", instrumentName)
                    .Set("timeframe", timeframes[bip])
                    .Set("end", end)
                    .Set("open", Opens[bip][0])
                    .Set("high", Highs[bip][0])
                    .Set("low", Lows[bip][0])
                    .Set("close", Closes[bip][0])
                    .Set("volume", Volumes[bip][0])
                    .Set("historical", historical);
                SendOrQueueBar(bar);
                if (historical)
                {
                    return;
                }
                if (bip == 0)
                {
                    pendingActionEnd = end;
                }
                if (pendingActionEnd.HasValue && pendingActionEnd.Value == end && AddedBarsClosedWith(end))
                {
                    SendPendingAction();
                }
            }
        }

        /// <summary>True when every added series whose bar ends at this time has sent it (so the action can go).</summary>
        private bool AddedBarsClosedWith(DateTime end)
        {
            long minute = Json.ToUnixMillis(end) / 60000;
            bool onMinute = end.Second == 0 && end.Millisecond == 0;
            for (int i = 1; i < timeframes.Length; i++)
            {
                if (timeframes[i] == null || periodMinutes[i] <= 1 || !onMinute)
                {
                    continue;
                }
                if (minute % periodMinutes[i] == 0 && lastBarEnd[i] != end)
                {
                    return false;
                }
            }
            return true;
        }

        private void SendPendingAction()
        {
            DateTime end = pendingActionEnd.Value;
            pendingActionEnd = null;
            FlushBars();
            if (client == null || !client.IsConnected || unsentBars.Count > 0)
            {
                actionsSkipped++;
                if (!skipReported)
                {
                    skipReported = true; // once until the bridge is back
                    Print("RlBridge: no action requested for the bar ending " + Json.FormatTime(end) + " (and later ones until the bridge is back): "
                        + (client == null || !client.IsConnected ? "the bridge is unreachable" : unsentBars.Count + " bars still wait to be sent"));
                }
                return;
            }
            JsonObject request = RlBridgeClient.Message("action_request")
                .Set("id", RlBridgeClient.NextId("a"))
                .Set("instrument", instrumentName)
                .Set("barEnd", end);
            if (client.SendRequest(request) == null)
            {
                actionsSkipped++;
                Print("RlBridge: no action requested for the bar ending " + Json.FormatTime(end) + ": the send failed");
            }
        }

        private void SendOrQueueBar(JsonObject bar)
        {
            if (unsentBars.Count == 0 && client != null && client.Send(bar))
            {
                return;
            }
            unsentBars.Enqueue(bar);
            if (unsentBars.Count > MaxQueuedBars)
            {
                unsentBars.Dequeue();
                if (!queueOverflowReported)
                {
                    queueOverflowReported = true;
                    Print("RlBridge: more than " + MaxQueuedBars + " bars wait for the bridge; the oldest are dropped");
                }
            }
        }

        /// <summary>Sends the bars kept while the bridge was unreachable, oldest first. Under the lock.</summary>
        private void FlushBars()
        {
            while (unsentBars.Count > 0 && client != null && client.IsConnected)
            {
                if (!client.Send(unsentBars.Peek()))
                {
                    return;
                }
                unsentBars.Dequeue();
            }
        }

        // ---- orders from the bridge ---------------------------------------------------------------------------

        private void OnBridgeOrder(object sender, BridgeMessageEventArgs e)
        {
            JsonObject m = e.Message;
            if (State != State.Realtime)
            {
                lock (sync)
                {
                    Reject(m, "the strategy is not real-time yet (State " + State + "): NinjaTrader is still processing history");
                }
                return;
            }
            try
            {
                TriggerCustomEvent(delegate(object unused) { ExecuteOrder(m); }, null);
            }
            catch (Exception ex)
            {
                lock (sync)
                {
                    Reject(m, "NinjaTrader could not take the order: " + ex.Message);
                }
            }
        }

        /// <summary>Runs on NinjaTrader's thread (TriggerCustomEvent): places one bridge order, answers it.</summary>
        private void ExecuteOrder(JsonObject m)
        {
            lock (sync)
            {
                try
                {
                    PlaceOrder(m);
                }
                catch (Exception ex)
                {
                    Reject(m, "the strategy failed on the order: " + ex.Message);
                }
            }
        }

        private void PlaceOrder(JsonObject m)
        {
            string id = m.Id;
            string clientId = m.GetString("clientOrderId");
            string side = (m.GetString("side") ?? "").ToUpperInvariant();
            string type = (m.GetString("orderType") ?? "MARKET").ToUpperInvariant();
            string tif = (m.GetString("timeInForce") ?? "DAY").ToUpperInvariant();
            double quantity = m.GetNumber("quantity", double.NaN);
            double limit = m.GetNumber("limitPrice", double.NaN);
            double stop = m.GetNumber("stopPrice", double.NaN);
            double stopLoss = m.GetNumber("stopLoss", double.NaN);
            double takeProfit = m.GetNumber("takeProfit", double.NaN);

            string reason = null;
            int contracts = 0;
            if (string.IsNullOrEmpty(clientId))
            {
                reason = "order.clientOrderId is missing";
            }
            else if (orders.ContainsKey(clientId))
            {
                reason = "client order id " + clientId + " is already in use";
            }
            else if (client == null || !client.IsConnected)
            {
                reason = "the bridge is unreachable";
            }
            else if (!RlBridgeClient.IsSameInstrument(m.GetString("instrument"), instrumentName))
            {
                reason = "this strategy trades " + instrumentName + ", not " + m.GetString("instrument");
            }
            else if (side != "BUY" && side != "SELL")
            {
                reason = "order.side must be BUY or SELL";
            }
            else if (!(quantity > 0) || Math.Abs(quantity - Math.Round(quantity)) > 1e-9 || quantity > int.MaxValue)
            {
                reason = "order.quantity must be a whole number of contracts > 0 for NinjaTrader, got " + Json.Serialize(m["quantity"]);
            }
            else if (type != "MARKET" && type != "LIMIT" && type != "STOP" && type != "STOP_LIMIT")
            {
                reason = "order.orderType " + type + " is not supported";
            }
            else if ((type == "LIMIT" || type == "STOP_LIMIT") && double.IsNaN(limit))
            {
                reason = "a " + type + " order needs a limitPrice";
            }
            else if ((type == "STOP" || type == "STOP_LIMIT") && double.IsNaN(stop))
            {
                reason = "a " + type + " order needs a stopPrice";
            }
            else if (type != "MARKET" && (tif == "IOC" || tif == "FOK"))
            {
                reason = "timeInForce " + tif + " is not supported by NinjaTrader's managed approach (only the strategy's Day/Gtc)";
            }
            if (reason == null)
            {
                contracts = (int)Math.Round(quantity);
                double sign = side == "BUY" ? 1 : -1;
                double after = SignedPosition() + WorkingEntryExposure() + sign * contracts;
                if (Math.Abs(after) > QuantityCap)
                {
                    reason = "QuantityCap: position " + Fmt(SignedPosition()) + " plus working entries and this order would be "
                        + Fmt(after) + ", over the cap of " + QuantityCap;
                }
            }
            if (reason != null)
            {
                Reject(m, reason);
                return;
            }

            bool buy = side == "BUY";
            int position = SignedPosition();
            int opposite = buy ? Math.Max(0, -position) : Math.Max(0, position); // contracts this order closes first
            string signal = SignalFor(clientId);
            BridgeOrder bo = new BridgeOrder();
            bo.ClientOrderId = clientId;
            bo.Signal = signal;
            bo.Side = side;
            bo.Quantity = contracts;
            bo.OrderType = type;
            bo.LimitPrice = type == "LIMIT" || type == "STOP_LIMIT" ? limit : double.NaN;
            bo.StopPrice = type == "STOP" || type == "STOP_LIMIT" ? stop : double.NaN;
            bo.TimeInForce = tif;
            bo.Tag = m.GetString("tag", "");
            bo.FromBridge = true;
            orders[clientId] = bo;
            signalToClientId[signal] = clientId;

            Order placed = null;
            string why = null;
            try
            {
                if (opposite == 0)
                {
                    bo.IsEntry = true;
                    SetBracket(signal, stopLoss, takeProfit);
                    placed = Enter(buy, type, contracts, limit, stop, signal);
                }
                else if (contracts <= opposite)
                {
                    if (!double.IsNaN(stopLoss) || !double.IsNaN(takeProfit))
                    {
                        Print("RlBridge: " + clientId + " only reduces the position; its stopLoss/takeProfit are not used");
                    }
                    placed = Exit(buy, type, contracts, limit, stop, signal);
                }
                else if (type != "MARKET")
                {
                    why = "a " + type + " order that reverses the position (" + position + " to " + (position + (buy ? contracts : -contracts))
                        + ") is not supported by NinjaTrader's managed approach; send the exit and the new entry as separate orders";
                }
                else
                {
                    // NinjaTrader reverses by itself: a "Close position" order for the old side, then the entry.
                    bo.IsEntry = true;
                    reversalClientId = clientId;
                    SetBracket(signal, stopLoss, takeProfit);
                    placed = Enter(buy, type, contracts - opposite, limit, stop, signal);
                }
            }
            catch (Exception ex)
            {
                why = "NinjaTrader refused the order: " + ex.Message;
            }
            if (placed != null)
            {
                Track(placed, bo);
            }
            if (why == null && placed == null)
            {
                why = "NinjaTrader ignored the order (managed-approach order handling rules, e.g. an entry against a working exit or"
                    + " stop of the current position); set TraceOrders = true to see why";
            }
            if (why == null && bo.AllPartsRejected())
            {
                why = bo.Reason ?? "rejected by NinjaTrader";
            }
            if (why != null)
            {
                orders.Remove(clientId);
                signalToClientId.Remove(signal);
                if (reversalClientId == clientId)
                {
                    reversalClientId = null;
                }
                Reject(m, why);
                return;
            }
            JsonObject reply = UpdateMessage(bo, "SUBMITTED", 0, false);
            if (id != null)
            {
                reply.Set("id", id);
            }
            bo.Replied = true;
            bo.LastState = "SUBMITTED";
            bo.LastFilled = 0;
            client.Send(reply); // client is not null here: checked with IsConnected above, under the lock
            Report(bo); // anything that happened while the order was being placed (a fill in Playback)
        }

        private Order Enter(bool buy, string type, int quantity, double limit, double stop, string signal)
        {
            switch (type)
            {
                case "MARKET":
                    return buy ? EnterLong(0, quantity, signal) : EnterShort(0, quantity, signal);
                case "LIMIT":
                    return buy ? EnterLongLimit(0, true, quantity, limit, signal) : EnterShortLimit(0, true, quantity, limit, signal);
                case "STOP":
                    return buy ? EnterLongStopMarket(0, true, quantity, stop, signal) : EnterShortStopMarket(0, true, quantity, stop, signal);
                default:
                    return buy ? EnterLongStopLimit(0, true, quantity, limit, stop, signal) : EnterShortStopLimit(0, true, quantity, limit, stop, signal);
            }
        }

        /// <summary>An order that only reduces: a buy covers part of a short, a sell part of a long (all entries).</summary>
        private Order Exit(bool buy, string type, int quantity, double limit, double stop, string signal)
        {
            switch (type)
            {
                case "MARKET":
                    return buy ? ExitShort(0, quantity, signal, "") : ExitLong(0, quantity, signal, "");
                case "LIMIT":
                    return buy ? ExitShortLimit(0, true, quantity, limit, signal, "") : ExitLongLimit(0, true, quantity, limit, signal, "");
                case "STOP":
                    return buy ? ExitShortStopMarket(0, true, quantity, stop, signal, "") : ExitLongStopMarket(0, true, quantity, stop, signal, "");
                default:
                    return buy ? ExitShortStopLimit(0, true, quantity, limit, stop, signal, "") : ExitLongStopLimit(0, true, quantity, limit, stop, signal, "");
            }
        }

        /// <summary>Protective exits for an entry, set before it is placed (NinjaTrader submits them on its fills).</summary>
        private void SetBracket(string signal, double stopLoss, double takeProfit)
        {
            if (!double.IsNaN(stopLoss))
            {
                SetStopLoss(signal, CalculationMode.Price, stopLoss, false);
            }
            if (!double.IsNaN(takeProfit))
            {
                SetProfitTarget(signal, CalculationMode.Price, takeProfit);
            }
        }

        private void Reject(JsonObject m, string reason)
        {
            ordersRejected++;
            Print("RlBridge: rejected order " + (m.GetString("clientOrderId") ?? "?") + ": " + reason);
            RlBridgeClient c = client;
            if (c == null)
            {
                return;
            }
            JsonObject reply = RlBridgeClient.Message("order_update")
                .Set("clientOrderId", m.GetString("clientOrderId") ?? "?")
                .Set("state", "REJECTED")
                .Set("filledQuantity", 0)
                .Set("reason", reason)
                .Set("time", DateTime.UtcNow);
            if (m.Id != null)
            {
                reply.Set("id", m.Id);
            }
            c.Send(reply);
        }

        private string SignalFor(string clientId)
        {
            bool plain = clientId.Length <= MaxSignalLength && clientId != StopLossName && clientId != ProfitTargetName
                && clientId != ClosePositionName && !signalToClientId.ContainsKey(clientId);
            if (plain)
            {
                return clientId;
            }
            return "rl-" + (++signalSequence).ToString(CultureInfo.InvariantCulture);
        }

        // ---- cancel and sync from the bridge ------------------------------------------------------------------

        private void OnBridgeCancel(object sender, BridgeMessageEventArgs e)
        {
            JsonObject m = e.Message;
            string clientId = m.GetString("clientOrderId");
            List<Order> working;
            lock (sync)
            {
                BridgeOrder bo;
                if (clientId == null || !orders.TryGetValue(clientId, out bo) || !bo.IsWorking())
                {
                    SendError(m.Id, "unknown_order", "no working order " + (clientId ?? "(no clientOrderId)") + " at NinjaTrader");
                    return;
                }
                bo.PendingCancelId = m.Id;
                working = bo.WorkingParts();
            }
            try
            {
                TriggerCustomEvent(delegate(object unused)
                {
                    foreach (Order o in working)
                    {
                        CancelOrder(o);
                    }
                }, null);
            }
            catch (Exception ex)
            {
                SendError(m.Id, "cancel_failed", "NinjaTrader could not cancel " + clientId + ": " + ex.Message);
            }
        }

        private void OnBridgeSync(object sender, BridgeMessageEventArgs e)
        {
            lock (sync)
            {
                RlBridgeClient c = client;
                if (c == null)
                {
                    return;
                }
                foreach (JsonObject x in executionLog)
                {
                    c.Send(x.Copy().Set("replayed", true));
                }
                int working = 0;
                foreach (BridgeOrder bo in orders.Values)
                {
                    if (bo.IsWorking() && (bo.Replied || !bo.FromBridge))
                    {
                        working++;
                        string state;
                        double filled;
                        bo.Aggregate(out state, out filled);
                        c.Send(UpdateMessage(bo, state, filled, true));
                    }
                }
                c.Send(PositionMessage());
                JsonObject done = RlBridgeClient.Message("sync_done");
                if (e.Message.Id != null)
                {
                    done.Set("id", e.Message.Id);
                }
                c.Send(done);
                Print("RlBridge: synchronised: " + executionLog.Count + " executions, " + working + " working orders, position "
                    + Fmt(positionQuantity));
            }
        }

        private void SendError(string id, string code, string message)
        {
            RlBridgeClient c = client;
            if (c == null)
            {
                return;
            }
            JsonObject err = RlBridgeClient.Message("error").Set("code", code).Set("message", message);
            if (id != null)
            {
                err.Set("id", id);
            }
            c.Send(err);
        }

        // ---- NinjaTrader's order, execution and position events ----------------------------------------------

        protected override void OnOrderUpdate(Order order, double limitPrice, double stopPrice, int quantity, int filled,
            double averageFillPrice, OrderState orderState, DateTime time, ErrorCode error, string comment)
        {
            if (client == null || order == null || State == State.Historical)
            {
                return;
            }
            lock (sync)
            {
                BridgeOrder bo = Resolve(order);
                bo.Snap(order, orderState, quantity, filled, limitPrice, stopPrice);
                if (error != ErrorCode.NoError || orderState == OrderState.Rejected)
                {
                    bo.Reason = string.IsNullOrEmpty(comment) ? "NinjaTrader: " + error : "NinjaTrader: " + comment;
                }
                else if (orderState == OrderState.Cancelled && bo.Reason == null)
                {
                    bo.Reason = bo.PendingCancelId != null ? "cancelled on the bridge's request" : "cancelled at NinjaTrader";
                }
                if (!bo.FromBridge)
                {
                    bo.AdoptShape(limitPrice, stopPrice); // a bracket exit: its prices and quantity as NinjaTrader has them
                }
                if (bo.FromBridge && !bo.Replied)
                {
                    return; // the order's reply (sent once the order method returns) covers this
                }
                if (orderState == OrderState.PartFilled || orderState == OrderState.Filled)
                {
                    return; // reported after its execution, so the bridge sees the fill first
                }
                Report(bo);
            }
        }

        protected override void OnExecutionUpdate(Execution execution, string executionId, double price, int quantity,
            MarketPosition marketPosition, string orderId, DateTime time)
        {
            if (client == null || execution == null || State == State.Historical)
            {
                return;
            }
            lock (sync)
            {
                Order o = execution.Order;
                BridgeOrder bo = o != null ? Resolve(o) : null;
                string side;
                if (o != null)
                {
                    side = o.OrderAction == OrderAction.Buy || o.OrderAction == OrderAction.BuyToCover ? "BUY" : "SELL";
                }
                else
                {
                    side = marketPosition == MarketPosition.Short ? "SELL" : "BUY";
                }
                JsonObject x = RlBridgeClient.Message("execution")
                    .Set("executionId", executionId)
                    .Set("clientOrderId", bo != null ? bo.ClientOrderId : "nt-" + (orderId ?? "unknown"))
                    .Set("side", side)
                    .Set("quantity", quantity)
                    .Set("price", price)
                    .Set("commission", execution.Commission)
                    .Set("time", ToUtc(time));
                executionLog.Add(x);
                client.Send(x);
                if (bo != null)
                {
                    bo.Snap(o, o.OrderState, o.Quantity, o.Filled, o.LimitPrice, o.StopPrice);
                    if (!bo.FromBridge || bo.Replied)
                    {
                        Report(bo);
                    }
                }
            }
        }

        protected override void OnPositionUpdate(Position position, double averagePrice, int quantity, MarketPosition marketPosition)
        {
            if (client == null || State == State.Historical)
            {
                return;
            }
            lock (sync)
            {
                positionQuantity = marketPosition == MarketPosition.Long ? quantity : marketPosition == MarketPosition.Short ? -quantity : 0;
                positionAverage = positionQuantity == 0 ? 0 : averagePrice;
                client.Send(PositionMessage());
            }
        }

        /// <summary>The bridge order a NinjaTrader order belongs to; created for orders the bridge did not send.</summary>
        private BridgeOrder Resolve(Order order)
        {
            BridgeOrder bo;
            if (byNinjaOrder.TryGetValue(order, out bo))
            {
                return bo;
            }
            string name = order.Name ?? "";
            string clientId;
            if (signalToClientId.TryGetValue(name, out clientId) && orders.TryGetValue(clientId, out bo))
            {
                Track(order, bo);
                return bo;
            }
            if (name == StopLossName || name == ProfitTargetName)
            {
                string entry = order.FromEntrySignal ?? "";
                string entryId;
                if (!signalToClientId.TryGetValue(entry, out entryId))
                {
                    entryId = entry.Length > 0 ? entry : "nt";
                }
                string childId = entryId + (name == StopLossName ? "-sl" : "-tp");
                if (!orders.TryGetValue(childId, out bo) || (!bo.IsWorking() && bo.HasParts()))
                {
                    bo = Adopt(order, childId, name == StopLossName ? "STOP" : "LIMIT", (name == StopLossName ? "stop loss of " : "profit target of ") + entryId);
                }
                Track(order, bo);
                return bo;
            }
            if (name == ClosePositionName && reversalClientId != null && orders.TryGetValue(reversalClientId, out bo))
            {
                Track(order, bo);
                return bo;
            }
            string foreignId = "nt-" + Sanitize(name) + "-" + (++foreignSequence).ToString(CultureInfo.InvariantCulture);
            bo = Adopt(order, foreignId, OrderTypeName(order.OrderType), name);
            Track(order, bo);
            return bo;
        }

        private BridgeOrder Adopt(Order order, string clientId, string type, string tag)
        {
            BridgeOrder bo = new BridgeOrder();
            bo.ClientOrderId = clientId;
            bo.Signal = order.Name;
            bo.Side = order.OrderAction == OrderAction.Buy || order.OrderAction == OrderAction.BuyToCover ? "BUY" : "SELL";
            bo.OrderType = type;
            bo.TimeInForce = order.TimeInForce == TimeInForce.Day ? "DAY" : "GTC";
            bo.Tag = tag;
            bo.FromBridge = false;
            orders[clientId] = bo;
            return bo;
        }

        private void Track(Order order, BridgeOrder bo)
        {
            byNinjaOrder[order] = bo;
            bo.AddPart(order);
        }

        /// <summary>Sends the order's state when it changed since the last report.</summary>
        private void Report(BridgeOrder bo)
        {
            string state;
            double filled;
            bo.Aggregate(out state, out filled);
            if (state == bo.LastState && filled == bo.LastFilled)
            {
                return;
            }
            bool first = bo.LastState == null;
            bo.LastState = state;
            bo.LastFilled = filled;
            JsonObject m = UpdateMessage(bo, state, filled, first && !bo.FromBridge);
            bool terminal = state == "FILLED" || state == "CANCELLED" || state == "REJECTED";
            if (terminal && bo.PendingCancelId != null)
            {
                m.Set("id", bo.PendingCancelId); // the answer to the bridge's cancel
                bo.PendingCancelId = null;
            }
            if (terminal && reversalClientId == bo.ClientOrderId)
            {
                reversalClientId = null;
            }
            RlBridgeClient c = client;
            if (c != null)
            {
                c.Send(m);
            }
        }

        private JsonObject UpdateMessage(BridgeOrder bo, string state, double filled, bool details)
        {
            JsonObject m = RlBridgeClient.Message("order_update")
                .Set("clientOrderId", bo.ClientOrderId)
                .Set("brokerOrderId", bo.BrokerOrderId())
                .Set("state", state)
                .Set("filledQuantity", filled)
                .Set("time", DateTime.UtcNow);
            if ((state == "CANCELLED" || state == "REJECTED") && bo.Reason != null)
            {
                m.Set("reason", bo.Reason);
            }
            if (details || !bo.FromBridge)
            {
                m.Set("side", bo.Side)
                    .Set("quantity", bo.Quantity)
                    .Set("orderType", bo.OrderType)
                    .SetPrice("limitPrice", bo.LimitPrice)
                    .SetPrice("stopPrice", bo.StopPrice)
                    .Set("timeInForce", bo.TimeInForce)
                    .Set("tag", bo.Tag ?? "");
            }
            return m;
        }

        private JsonObject PositionMessage()
        {
            JsonObject p = RlBridgeClient.Message("position").Set("instrument", instrumentName).Set("quantity", positionQuantity);
            if (positionQuantity != 0)
            {
                p.Set("averagePrice", positionAverage);
            }
            return p;
        }

        // ---- flatten on disconnect ----------------------------------------------------------------------------

        private void Flatten()
        {
            lock (sync)
            {
                foreach (BridgeOrder bo in new List<BridgeOrder>(orders.Values))
                {
                    if (bo.FromBridge && bo.IsEntry && bo.IsWorking())
                    {
                        foreach (Order o in bo.WorkingParts())
                        {
                            CancelOrder(o);
                        }
                    }
                }
                int position = SignedPosition();
                if (position == 0)
                {
                    return;
                }
                string signal = "rl-flatten-" + (++flattenSequence).ToString(CultureInfo.InvariantCulture);
                BridgeOrder flat = new BridgeOrder();
                flat.ClientOrderId = signal;
                flat.Signal = signal;
                flat.Side = position > 0 ? "SELL" : "BUY";
                flat.Quantity = Math.Abs(position);
                flat.OrderType = "MARKET";
                flat.TimeInForce = "DAY";
                flat.Tag = "FlattenOnDisconnect";
                flat.FromBridge = false;
                orders[signal] = flat;
                signalToClientId[signal] = signal;
                Order o2 = position > 0 ? ExitLong(0, position, signal, "") : ExitShort(0, -position, signal, "");
                if (o2 != null)
                {
                    Track(o2, flat);
                }
                Print("RlBridge: flattening " + position + " because the bridge is unreachable");
            }
        }

        // ---- helpers ------------------------------------------------------------------------------------------

        private int SignedPosition()
        {
            Position p = Position;
            if (p == null)
            {
                return 0;
            }
            return p.MarketPosition == MarketPosition.Long ? p.Quantity : p.MarketPosition == MarketPosition.Short ? -p.Quantity : 0;
        }

        /// <summary>Signed contracts of the working bridge entries not filled yet.</summary>
        private double WorkingEntryExposure()
        {
            double sum = 0;
            foreach (BridgeOrder bo in orders.Values)
            {
                if (bo.FromBridge && bo.IsEntry && bo.IsWorking())
                {
                    string state;
                    double filled;
                    bo.Aggregate(out state, out filled);
                    sum += (bo.Side == "BUY" ? 1 : -1) * Math.Max(0, bo.Quantity - filled);
                }
            }
            return sum;
        }

        /// <summary>A bar or execution time (NinjaTrader's time zone) in UTC.</summary>
        private static DateTime ToUtc(DateTime t)
        {
            if (t.Kind == DateTimeKind.Utc)
            {
                return t;
            }
            try
            {
                TimeZoneInfo zone = NinjaTrader.Core.Globals.GeneralOptions.TimeZoneInfo;
                return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), zone);
            }
            catch (Exception)
            {
                return DateTime.SpecifyKind(t, DateTimeKind.Local).ToUniversalTime();
            }
        }

        private static string OrderTypeName(OrderType t)
        {
            switch (t)
            {
                case OrderType.Limit: return "LIMIT";
                case OrderType.StopMarket: return "STOP";
                case OrderType.StopLimit: return "STOP_LIMIT";
                default: return "MARKET";
            }
        }

        private static string Sanitize(string name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "order";
            }
            char[] chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (!char.IsLetterOrDigit(chars[i]))
                {
                    chars[i] = '-';
                }
            }
            return new string(chars).ToLowerInvariant();
        }

        private static string Fmt(double d)
        {
            return Json.FormatNumber(d);
        }

        /// <summary>Order objects compared by reference (NinjaTrader: "compare Order objects directly").</summary>
        private sealed class SameObject : IEqualityComparer<Order>
        {
            public bool Equals(Order a, Order b)
            {
                return ReferenceEquals(a, b);
            }

            public int GetHashCode(Order o)
            {
                return RuntimeHelpers.GetHashCode(o);
            }
        }

        /// <summary>
        /// One order as the bridge knows it: a bridge order, a bracket exit or an order the bridge did not send.
        /// NinjaTrader may work it as several orders (a reversal's "Close position" and entry; a stop per entry fill).
        /// </summary>
        private sealed class BridgeOrder
        {
            internal string ClientOrderId;
            internal string Signal;
            internal string Side;
            internal double Quantity;
            internal string OrderType;
            internal double LimitPrice = double.NaN;
            internal double StopPrice = double.NaN;
            internal string TimeInForce;
            internal string Tag;
            internal bool FromBridge;   // sent by the bridge as an "order" request
            internal bool IsEntry;      // opens or adds: its unfilled part counts against QuantityCap
            internal bool Replied;      // the order request was answered
            internal string PendingCancelId;
            internal string Reason;
            internal string LastState;
            internal double LastFilled = -1;
            private readonly List<Part> parts = new List<Part>();

            private sealed class Part
            {
                internal Order Order;
                internal OrderState State = OrderState.Initialized;
                internal int Quantity;
                internal int Filled;
                internal double Limit;
                internal double Stop;
            }

            internal void AddPart(Order o)
            {
                foreach (Part p in parts)
                {
                    if (ReferenceEquals(p.Order, o))
                    {
                        return;
                    }
                }
                Part n = new Part();
                n.Order = o;
                parts.Add(n);
            }

            internal bool HasParts()
            {
                return parts.Count > 0;
            }

            internal void Snap(Order o, OrderState state, int quantity, int filled, double limit, double stop)
            {
                AddPart(o);
                foreach (Part p in parts)
                {
                    if (ReferenceEquals(p.Order, o))
                    {
                        p.State = state;
                        p.Quantity = quantity;
                        p.Filled = Math.Max(p.Filled, filled);
                        p.Limit = limit;
                        p.Stop = stop;
                    }
                }
            }

            /// <summary>For orders the bridge did not send: quantity and prices from NinjaTrader's orders.</summary>
            internal void AdoptShape(double limit, double stop)
            {
                int q = 0;
                foreach (Part p in parts)
                {
                    q += p.Quantity;
                }
                if (q > 0)
                {
                    Quantity = q;
                }
                if (OrderType == "LIMIT" || OrderType == "STOP_LIMIT")
                {
                    LimitPrice = limit > 0 ? limit : LimitPrice;
                }
                if (OrderType == "STOP" || OrderType == "STOP_LIMIT")
                {
                    StopPrice = stop > 0 ? stop : StopPrice;
                }
            }

            internal string BrokerOrderId()
            {
                return parts.Count > 0 && parts[0].Order != null ? parts[0].Order.OrderId ?? "" : "";
            }

            internal bool IsWorking()
            {
                if (parts.Count == 0)
                {
                    return FromBridge && !Replied; // being placed
                }
                foreach (Part p in parts)
                {
                    if (!Terminal(p.State))
                    {
                        return true;
                    }
                }
                return false;
            }

            internal List<Order> WorkingParts()
            {
                List<Order> list = new List<Order>();
                foreach (Part p in parts)
                {
                    if (!Terminal(p.State))
                    {
                        list.Add(p.Order);
                    }
                }
                return list;
            }

            internal bool AllPartsRejected()
            {
                if (parts.Count == 0)
                {
                    return false;
                }
                foreach (Part p in parts)
                {
                    if (p.State != OrderState.Rejected)
                    {
                        return false;
                    }
                }
                return true;
            }

            /// <summary>The protocol state and filled quantity over all parts.</summary>
            internal void Aggregate(out string state, out double filled)
            {
                filled = 0;
                bool working = parts.Count == 0;
                bool anyCancelled = false;
                bool anyRejected = false;
                foreach (Part p in parts)
                {
                    filled += p.Filled;
                    if (!Terminal(p.State))
                    {
                        working = true;
                    }
                    else if (p.State == OrderState.Cancelled)
                    {
                        anyCancelled = true;
                    }
                    else if (p.State == OrderState.Rejected)
                    {
                        anyRejected = true;
                    }
                }
                if (working)
                {
                    state = filled > 0 ? "PARTIALLY_FILLED" : "SUBMITTED";
                }
                else if (filled >= Quantity && Quantity > 0)
                {
                    state = "FILLED";
                }
                else if (anyRejected && !anyCancelled && filled == 0)
                {
                    state = "REJECTED";
                }
                else
                {
                    state = "CANCELLED";
                }
            }

            private static bool Terminal(OrderState s)
            {
                return Order.IsTerminalState(s); // Cancelled, Filled, Rejected, Unknown
            }
        }
    }
}
