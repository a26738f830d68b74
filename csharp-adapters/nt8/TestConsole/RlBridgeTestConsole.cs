// RlBridgeTestConsole: a console program that plays the part of RlBridgeStrategy without NinjaTrader, so CI
// can drive the real Java bridge (rl-broker-nt8) over TCP with RlBridgeClient. It sends seeded random-walk
// 1-minute bars (and the 5m/15m bars aggregated from them), asks for an action after each 1m bar, and
// executes the bridge's orders on a small simulated exchange: market orders fill at the next bar's open,
// limits when a bar trades through, stops when touched; entries with stopLoss/takeProfit open one-cancels-
// other children "<id>-sl" and "<id>-tp". Each fill sends execution, then order_update, then position.
//
// Output: progress lines start with "console:"; the last line is "RESULT {json}".
// Exit codes: 0 done, 1 unexpected exception or bad arguments, 2 could not (re)connect in time.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace RlTrading.Bridge.TestConsole
{
    internal sealed class Settings
    {
        internal string Host = "127.0.0.1";
        internal int Port = 8888;
        internal string Instrument = "MES 12-26";
        internal string Account = "Sim101";
        internal int Bars = 120;
        internal int Historical = 0;
        internal int Seed = 1;
        internal double Tick = 0.25;
        internal double StartPrice = 5000;
        internal DateTime Start = new DateTime(2026, 11, 20, 14, 30, 0, DateTimeKind.Utc);
        internal int RequestTimeoutMs = 2000;
        internal int BackoffMs = 100;
        internal int MaxBackoffMs = 1000;
        internal int HeartbeatMs = 1000;
        internal double MaxQuantity = 10;
        internal int ReconnectWaitMs = 15000;
        internal string Token;

        internal const string Usage =
            "usage: RlBridgeTestConsole.exe [--host 127.0.0.1] [--port 8888] [--instrument \"MES 12-26\"] [--account Sim101]\n"
            + "         [--bars 120] [--historical 0] [--seed 1] [--tick 0.25] [--start-price 5000] [--start 2026-11-20T14:30:00Z]\n"
            + "         [--request-timeout-ms 2000] [--backoff-ms 100] [--max-backoff-ms 1000] [--heartbeat-ms 1000]\n"
            + "         [--max-quantity 10] [--reconnect-wait-ms 15000] [--token T]";

        internal static Settings Parse(string[] args)
        {
            Settings s = new Settings();
            for (int i = 0; i < args.Length; i++)
            {
                string key = args[i];
                if (key == "--help" || key == "-h")
                {
                    throw new ArgumentException("help");
                }
                if (!key.StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException("unexpected argument '" + key + "'");
                }
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException(key + " needs a value");
                }
                string v = args[++i];
                switch (key)
                {
                    case "--host": s.Host = v; break;
                    case "--port": s.Port = Int(key, v, 1, 65535); break;
                    case "--instrument": s.Instrument = v; break;
                    case "--account": s.Account = v; break;
                    case "--bars": s.Bars = Int(key, v, 0, 1000000); break;
                    case "--historical": s.Historical = Int(key, v, 0, 1000000); break;
                    case "--seed": s.Seed = Int(key, v, int.MinValue, int.MaxValue); break;
                    case "--tick": s.Tick = Num(key, v, 1e-9); break;
                    case "--start-price": s.StartPrice = Num(key, v, 1e-9); break;
                    case "--start":
                        if (!Json.TryParseTime(v, out s.Start))
                        {
                            throw new ArgumentException("--start must be an ISO-8601 UTC time such as 2026-11-20T14:30:00Z, got '" + v + "'");
                        }
                        break;
                    case "--request-timeout-ms": s.RequestTimeoutMs = Int(key, v, 1, int.MaxValue); break;
                    case "--backoff-ms": s.BackoffMs = Int(key, v, 1, int.MaxValue); break;
                    case "--max-backoff-ms": s.MaxBackoffMs = Int(key, v, 1, int.MaxValue); break;
                    case "--heartbeat-ms": s.HeartbeatMs = Int(key, v, 1, int.MaxValue); break;
                    case "--max-quantity": s.MaxQuantity = Num(key, v, 0); break;
                    case "--reconnect-wait-ms": s.ReconnectWaitMs = Int(key, v, 0, int.MaxValue); break;
                    case "--token": s.Token = v; break;
                    default: throw new ArgumentException("unknown option " + key);
                }
            }
            if (s.MaxBackoffMs < s.BackoffMs)
            {
                throw new ArgumentException("--max-backoff-ms must be >= --backoff-ms");
            }
            return s;
        }

        private static int Int(string key, string v, int min, int max)
        {
            int n;
            if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) || n < min || n > max)
            {
                throw new ArgumentException(key + " must be an integer in " + min + ".." + max + ", got '" + v + "'");
            }
            return n;
        }

        private static double Num(string key, string v, double min)
        {
            double d;
            if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out d) || double.IsNaN(d)
                || double.IsInfinity(d) || d < min)
            {
                throw new ArgumentException(key + " must be a number >= " + min.ToString(CultureInfo.InvariantCulture) + ", got '" + v + "'");
            }
            return d;
        }
    }

    internal sealed class SimBar
    {
        internal DateTime End;
        internal double Open;
        internal double High;
        internal double Low;
        internal double Close;
        internal double Volume;

        internal DateTime Start
        {
            get { return End.AddMinutes(-1); }
        }
    }

    /// <summary>Aggregates 1m bars into a longer timeframe that closes on clock boundaries.</summary>
    internal sealed class Aggregator
    {
        private readonly int minutes;
        private SimBar current;

        internal Aggregator(int minutes)
        {
            this.minutes = minutes;
        }

        /// <summary>Adds a 1m bar; returns the aggregated bar when its boundary closes with this one, else null.</summary>
        internal SimBar Add(SimBar m1)
        {
            if (current == null)
            {
                current = new SimBar { End = m1.End, Open = m1.Open, High = m1.High, Low = m1.Low, Close = m1.Close, Volume = m1.Volume };
            }
            else
            {
                current.End = m1.End;
                current.High = Math.Max(current.High, m1.High);
                current.Low = Math.Min(current.Low, m1.Low);
                current.Close = m1.Close;
                current.Volume += m1.Volume;
            }
            long minuteOfEpoch = Json.ToUnixMillis(m1.End) / 60000;
            if (minuteOfEpoch % minutes != 0 || m1.End.Second != 0 || m1.End.Millisecond != 0)
            {
                return null;
            }
            SimBar done = current;
            current = null;
            return done;
        }
    }

    internal sealed class SimOrder
    {
        internal string ClientOrderId;
        internal string BrokerOrderId;
        internal string Side;
        internal double Quantity;
        internal double Filled;
        internal string OrderType;
        internal double LimitPrice = double.NaN;
        internal double StopPrice = double.NaN;
        internal string TimeInForce;
        internal double StopLoss = double.NaN;
        internal double TakeProfit = double.NaN;
        internal string Tag;
        internal string State;
        internal bool IsChild;
        internal string OcoPartner;
        internal bool Triggered; // a STOP_LIMIT whose stop was touched
        internal int CreatedInBar = -1; // children: the bar they were opened in (no gap fill in that bar)

        internal int Sign
        {
            get { return Side == "BUY" ? 1 : -1; }
        }

        internal double Remaining
        {
            get { return Quantity - Filled; }
        }

        internal bool Working
        {
            get { return State == "SUBMITTED" || State == "PARTIALLY_FILLED"; }
        }
    }

    /// <summary>The simulated exchange: all state under one lock; messages are sent inside it, so in order.</summary>
    internal sealed class SimExchange
    {
        private const double Epsilon = 1e-9;
        private readonly object sync = new object();
        private readonly RlBridgeClient client;
        private readonly Settings settings;
        private readonly List<SimOrder> orderList = new List<SimOrder>();
        private readonly Dictionary<string, SimOrder> orders = new Dictionary<string, SimOrder>(StringComparer.Ordinal);
        private readonly List<JsonObject> executionLog = new List<JsonObject>();
        private readonly string executionPrefix;
        private double position;
        private double averagePrice;
        private int brokerIds;
        private int barIndex = -1;
        private DateTime now;

        internal long OrdersReceived;
        internal long OrdersRejected;
        internal long CancelsReceived;
        internal long Executions;
        internal long Syncs;

        internal SimExchange(RlBridgeClient client, Settings settings, DateTime clockStart)
        {
            this.client = client;
            this.settings = settings;
            now = clockStart;
            // Unique per run, so a second run against the same Java broker is not taken for a replay.
            executionPrefix = "e" + DateTime.UtcNow.Ticks.ToString("x", CultureInfo.InvariantCulture) + "-";
        }

        internal double Position
        {
            get { lock (sync) { return position; } }
        }

        // ---- requests from the bridge (dispatch thread) ----

        internal void OnOrder(JsonObject m)
        {
            lock (sync)
            {
                OrdersReceived++;
                string id = m.Id;
                string coid = m.GetString("clientOrderId");
                string side = (m.GetString("side") ?? "").ToUpperInvariant();
                double quantity = m.GetNumber("quantity", double.NaN);
                string type = (m.GetString("orderType") ?? "MARKET").ToUpperInvariant();
                string tif = (m.GetString("timeInForce") ?? "DAY").ToUpperInvariant();
                double limit = m.GetNumber("limitPrice", double.NaN);
                double stop = m.GetNumber("stopPrice", double.NaN);
                string reason = null;
                if (string.IsNullOrEmpty(coid))
                {
                    reason = "order.clientOrderId is missing";
                }
                else if (orders.ContainsKey(coid))
                {
                    reason = "client order id " + coid + " is already in use";
                }
                else if (!RlBridgeClient.IsSameInstrument(m.GetString("instrument"), settings.Instrument))
                {
                    reason = "this strategy trades " + settings.Instrument + ", not " + m.GetString("instrument");
                }
                else if (side != "BUY" && side != "SELL")
                {
                    reason = "order.side must be BUY or SELL, got " + Json.Serialize(m["side"]);
                }
                else if (!(quantity > 0))
                {
                    reason = "order.quantity must be > 0, got " + Json.Serialize(m["quantity"]);
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
                else
                {
                    double sign = side == "BUY" ? 1 : -1;
                    double after = position + WorkingExposure() + sign * quantity;
                    if (Math.Abs(after) > settings.MaxQuantity + Epsilon)
                    {
                        reason = "quantity cap: position " + Fmt(position) + " plus working orders and this one would be "
                            + Fmt(after) + ", over the cap of " + Fmt(settings.MaxQuantity);
                    }
                }
                if (reason != null)
                {
                    OrdersRejected++;
                    JsonObject reply = RlBridgeClient.Message("order_update").Set("clientOrderId", coid ?? "?")
                        .Set("state", "REJECTED").Set("filledQuantity", 0.0).Set("reason", reason).Set("time", Now());
                    if (id != null)
                    {
                        reply.Set("id", id);
                    }
                    client.Send(reply);
                    Console.WriteLine("console: rejected order " + coid + ": " + reason);
                    return;
                }
                SimOrder o = new SimOrder
                {
                    ClientOrderId = coid,
                    BrokerOrderId = "sim-" + (++brokerIds).ToString(CultureInfo.InvariantCulture),
                    Side = side,
                    Quantity = quantity,
                    OrderType = type,
                    LimitPrice = type == "LIMIT" || type == "STOP_LIMIT" ? limit : double.NaN,
                    StopPrice = type == "STOP" || type == "STOP_LIMIT" ? stop : double.NaN,
                    TimeInForce = tif,
                    StopLoss = m.GetNumber("stopLoss", double.NaN),
                    TakeProfit = m.GetNumber("takeProfit", double.NaN),
                    Tag = m.GetString("tag", ""),
                    State = "SUBMITTED",
                };
                Add(o);
                JsonObject ok = Update(o, false);
                if (id != null)
                {
                    ok.Set("id", id);
                }
                client.Send(ok);
            }
        }

        internal void OnCancel(JsonObject m)
        {
            lock (sync)
            {
                CancelsReceived++;
                string id = m.Id;
                string coid = m.GetString("clientOrderId");
                SimOrder o;
                if (coid == null || !orders.TryGetValue(coid, out o) || !o.Working)
                {
                    JsonObject err = RlBridgeClient.Message("error").Set("code", "unknown_order")
                        .Set("message", "no working order " + (coid ?? "(no clientOrderId)"));
                    if (id != null)
                    {
                        err.Set("id", id);
                    }
                    client.Send(err);
                    return;
                }
                o.State = "CANCELLED";
                JsonObject reply = Update(o, false).Set("reason", "cancelled on request");
                if (id != null)
                {
                    reply.Set("id", id);
                }
                client.Send(reply);
            }
        }

        internal void OnSync(JsonObject m)
        {
            lock (sync)
            {
                Syncs++;
                foreach (JsonObject e in executionLog)
                {
                    client.Send(e.Copy().Set("replayed", true));
                }
                foreach (SimOrder o in orderList)
                {
                    if (o.Working)
                    {
                        client.Send(Update(o, true));
                    }
                }
                client.Send(PositionMessage());
                JsonObject done = RlBridgeClient.Message("sync_done");
                if (m.Id != null)
                {
                    done.Set("id", m.Id);
                }
                client.Send(done);
                Console.WriteLine("console: sync answered (" + executionLog.Count + " executions, position " + Fmt(position) + ")");
            }
        }

        // ---- the market (main thread) ----

        /// <summary>Trades one 1m bar: fills what the bar reaches, before the bar is sent.</summary>
        internal void TradeBar(SimBar bar, int index)
        {
            lock (sync)
            {
                barIndex = index;
                now = bar.Start;
                foreach (SimOrder o in new List<SimOrder>(orderList))
                {
                    if (o.Working && o.OrderType == "MARKET")
                    {
                        Fill(o, o.Remaining, bar.Open, bar.Start);
                    }
                }
                // Resting orders, then children opened in this bar (no fill at the open for those: they did not exist).
                for (int pass = 0; pass < 2; pass++)
                {
                    foreach (SimOrder o in new List<SimOrder>(orderList))
                    {
                        if (!o.Working || o.OrderType == "MARKET")
                        {
                            continue;
                        }
                        bool openedNow = o.CreatedInBar == index;
                        if ((pass == 0) == openedNow)
                        {
                            continue;
                        }
                        double price;
                        if (Reaches(o, bar, !openedNow, out price))
                        {
                            Fill(o, o.Remaining, price, bar.Start.AddSeconds(30));
                        }
                    }
                }
                now = bar.End;
            }
        }

        private static bool Reaches(SimOrder o, SimBar bar, bool atOpen, out double price)
        {
            price = double.NaN;
            bool buy = o.Side == "BUY";
            if (o.OrderType == "STOP" || (o.OrderType == "STOP_LIMIT" && !o.Triggered))
            {
                double s = o.StopPrice;
                bool gap = atOpen && (buy ? bar.Open >= s : bar.Open <= s);
                bool touched = buy ? bar.High >= s : bar.Low <= s;
                if (!gap && !touched)
                {
                    return false;
                }
                double triggerPrice = gap ? bar.Open : s;
                if (o.OrderType == "STOP")
                {
                    price = triggerPrice;
                    return true;
                }
                o.Triggered = true;
                // A stop-limit fills at the trigger when that is within its limit; otherwise it rests as a limit.
                if (buy ? triggerPrice <= o.LimitPrice : triggerPrice >= o.LimitPrice)
                {
                    price = triggerPrice;
                    return true;
                }
                return false;
            }
            double l = o.LimitPrice;
            if (atOpen && (buy ? bar.Open <= l : bar.Open >= l))
            {
                price = bar.Open;
                return true;
            }
            if (buy ? bar.Low < l : bar.High > l) // trades through the limit
            {
                price = l;
                return true;
            }
            return false;
        }

        private void Fill(SimOrder o, double quantity, double price, DateTime time)
        {
            if (o.IsChild)
            {
                // A protective exit only reduces: if the position is gone (or flipped) it is cancelled instead.
                if (position * o.Sign >= -Epsilon)
                {
                    Cancel(o, "the position it protected is closed");
                    return;
                }
                quantity = Math.Min(quantity, Math.Abs(position));
            }
            double before = position;
            int s = o.Sign;
            ApplyToPosition(s * quantity, price);
            o.Filled += quantity;
            o.State = o.Remaining <= Epsilon ? "FILLED" : "PARTIALLY_FILLED";
            now = time;
            Executions++;
            JsonObject exec = RlBridgeClient.Message("execution")
                .Set("executionId", executionPrefix + Executions.ToString(CultureInfo.InvariantCulture))
                .Set("clientOrderId", o.ClientOrderId)
                .Set("side", o.Side)
                .Set("quantity", quantity)
                .Set("price", price)
                .Set("commission", 0.0)
                .Set("time", time);
            executionLog.Add(exec);
            client.Send(exec);
            client.Send(Update(o, false));
            client.Send(PositionMessage());
            Console.WriteLine("console: fill " + o.ClientOrderId + " " + o.Side + " " + Fmt(quantity) + " @ " + Fmt(price)
                + " -> position " + Fmt(position));

            if (!o.IsChild && (!double.IsNaN(o.StopLoss) || !double.IsNaN(o.TakeProfit)))
            {
                double opened = before * s >= -Epsilon ? quantity : Math.Max(0, quantity - Math.Abs(before));
                if (opened > Epsilon)
                {
                    OpenChildren(o, opened);
                }
            }
            if (o.IsChild && o.State == "FILLED" && o.OcoPartner != null)
            {
                SimOrder partner;
                if (orders.TryGetValue(o.OcoPartner, out partner) && partner.Working)
                {
                    Cancel(partner, "one-cancels-other: " + o.ClientOrderId + " filled");
                }
            }
            if (Math.Abs(position) <= Epsilon)
            {
                foreach (SimOrder c in orderList)
                {
                    if (c.IsChild && c.Working)
                    {
                        Cancel(c, "the position it protected is closed");
                    }
                }
            }
        }

        private void OpenChildren(SimOrder entry, double quantity)
        {
            string exitSide = entry.Side == "BUY" ? "SELL" : "BUY";
            string slId = entry.ClientOrderId + "-sl";
            string tpId = entry.ClientOrderId + "-tp";
            bool both = !double.IsNaN(entry.StopLoss) && !double.IsNaN(entry.TakeProfit);
            if (!double.IsNaN(entry.StopLoss))
            {
                OpenOrGrowChild(slId, exitSide, quantity, "STOP", double.NaN, entry.StopLoss, both ? tpId : null, entry.Tag);
            }
            if (!double.IsNaN(entry.TakeProfit))
            {
                OpenOrGrowChild(tpId, exitSide, quantity, "LIMIT", entry.TakeProfit, double.NaN, both ? slId : null, entry.Tag);
            }
        }

        private void OpenOrGrowChild(string id, string side, double quantity, string type, double limit, double stop, string partner, string tag)
        {
            SimOrder c;
            if (orders.TryGetValue(id, out c) && c.Working)
            {
                c.Quantity += quantity; // a partial fill of the entry added to it
            }
            else
            {
                if (c != null)
                {
                    orders.Remove(id);
                    orderList.Remove(c);
                }
                c = new SimOrder
                {
                    ClientOrderId = id,
                    BrokerOrderId = "sim-" + (++brokerIds).ToString(CultureInfo.InvariantCulture),
                    Side = side,
                    Quantity = quantity,
                    OrderType = type,
                    LimitPrice = limit,
                    StopPrice = stop,
                    TimeInForce = "GTC",
                    Tag = tag,
                    State = "SUBMITTED",
                    IsChild = true,
                    OcoPartner = partner,
                    CreatedInBar = barIndex,
                };
                Add(c);
            }
            client.Send(Update(c, true));
        }

        private void Cancel(SimOrder o, string reason)
        {
            o.State = "CANCELLED";
            client.Send(Update(o, false).Set("reason", reason));
        }

        private void ApplyToPosition(double signedQty, double price)
        {
            double p = position;
            double n = p + signedQty;
            if (Math.Abs(p) <= Epsilon || Math.Sign(p) == Math.Sign(signedQty))
            {
                averagePrice = (Math.Abs(p) * averagePrice + Math.Abs(signedQty) * price) / Math.Abs(n);
            }
            else if (Math.Abs(n) <= Epsilon)
            {
                averagePrice = 0;
                n = 0;
            }
            else if (Math.Sign(n) != Math.Sign(p))
            {
                averagePrice = price; // crossed zero: the remainder opened at this price
            }
            position = n;
        }

        private double WorkingExposure()
        {
            double sum = 0;
            foreach (SimOrder o in orderList)
            {
                if (o.Working && !o.IsChild)
                {
                    sum += o.Sign * o.Remaining;
                }
            }
            return sum;
        }

        private void Add(SimOrder o)
        {
            orders[o.ClientOrderId] = o;
            orderList.Add(o);
        }

        private JsonObject Update(SimOrder o, bool details)
        {
            JsonObject m = RlBridgeClient.Message("order_update")
                .Set("clientOrderId", o.ClientOrderId)
                .Set("brokerOrderId", o.BrokerOrderId)
                .Set("state", o.State)
                .Set("filledQuantity", o.Filled)
                .Set("time", Now());
            if (details)
            {
                m.Set("side", o.Side).Set("quantity", o.Quantity).Set("orderType", o.OrderType)
                    .SetPrice("limitPrice", o.LimitPrice).SetPrice("stopPrice", o.StopPrice)
                    .Set("timeInForce", o.TimeInForce).Set("tag", o.Tag ?? "");
            }
            return m;
        }

        private JsonObject PositionMessage()
        {
            JsonObject p = RlBridgeClient.Message("position").Set("instrument", settings.Instrument).Set("quantity", position);
            if (Math.Abs(position) > Epsilon)
            {
                p.Set("averagePrice", averagePrice);
            }
            return p;
        }

        private DateTime Now()
        {
            return now;
        }

        internal static string Fmt(double d)
        {
            return Json.FormatNumber(d);
        }
    }

    internal static class Program
    {
        private static Exception handlerFailure;

        private static int Main(string[] args)
        {
            Settings settings;
            try
            {
                settings = Settings.Parse(args);
            }
            catch (ArgumentException e)
            {
                if (e.Message != "help")
                {
                    Console.Error.WriteLine("console: " + e.Message);
                }
                Console.Error.WriteLine(Settings.Usage);
                return e.Message == "help" ? 0 : 1;
            }
            try
            {
                return Run(settings);
            }
            catch (Exception e)
            {
                Console.WriteLine("console: unexpected exception: " + e);
                return 1;
            }
        }

        private static int Run(Settings s)
        {
            List<SimBar> bars = Generate(s);
            Console.WriteLine("console: " + bars.Count + " bars of " + s.Instrument + " from " + Json.FormatTime(s.Start) + " (seed "
                + s.Seed + ", tick " + SimExchange.Fmt(s.Tick) + "), bridge " + s.Host + ":" + s.Port);

            RlBridgeClientOptions options = new RlBridgeClientOptions
            {
                Host = s.Host,
                Port = s.Port,
                Token = s.Token,
                Instrument = s.Instrument,
                Account = s.Account,
                Timeframes = new[] { "1m", "5m", "15m" },
                ClientName = "RlBridgeTestConsole 0.1.0",
                RequestTimeoutMs = s.RequestTimeoutMs,
                HeartbeatMs = s.HeartbeatMs,
                InitialBackoffMs = s.BackoffMs,
                MaxBackoffMs = s.MaxBackoffMs,
                RandomSeed = s.Seed,
            };
            RlBridgeClient client = new RlBridgeClient(options);
            SimExchange exchange = new SimExchange(client, s, s.Start);
            client.Log += delegate(object sender, BridgeLogEventArgs e)
            {
                Console.WriteLine("console: client: " + e.Text);
            };
            client.Connected += delegate { Console.WriteLine("console: connected"); };
            client.Disconnected += delegate(object sender, BridgeDisconnectedEventArgs e)
            {
                Console.WriteLine("console: disconnected: " + e.Reason);
            };
            client.OrderReceived += delegate(object sender, BridgeMessageEventArgs e) { Guard(delegate { exchange.OnOrder(e.Message); }); };
            client.CancelReceived += delegate(object sender, BridgeMessageEventArgs e) { Guard(delegate { exchange.OnCancel(e.Message); }); };
            client.SyncRequested += delegate(object sender, BridgeMessageEventArgs e) { Guard(delegate { exchange.OnSync(e.Message); }); };

            client.Start();
            try
            {
                if (!client.WaitConnected(s.ReconnectWaitMs))
                {
                    Console.WriteLine("console: gave up: no connection to the bridge at " + s.Host + ":" + s.Port + " within "
                        + s.ReconnectWaitMs + " ms (" + client.LastDisconnectReason + ")");
                    return 2;
                }

                Aggregator m5 = new Aggregator(5);
                Aggregator m15 = new Aggregator(15);
                long barsSent = 0, bars5 = 0, bars15 = 0, requested = 0, answered = 0, timeouts = 0, failed = 0;
                double? lastTarget = null;
                for (int i = 0; i < bars.Count; i++)
                {
                    CheckHandlers();
                    if (!EnsureConnected(client, s))
                    {
                        return 2;
                    }
                    SimBar bar = bars[i];
                    // The first --historical bars play NinjaTrader's State.Historical: flagged, no action asked.
                    bool historical = i < s.Historical;
                    exchange.TradeBar(bar, i); // the exchange trades during the bar; the bar is sent when it closes
                    if (!SendBar(client, s, "1m", bar, historical))
                    {
                        return 2;
                    }
                    barsSent++;
                    SimBar b5 = m5.Add(bar);
                    if (b5 != null)
                    {
                        if (!SendBar(client, s, "5m", b5, historical))
                        {
                            return 2;
                        }
                        bars5++;
                    }
                    SimBar b15 = m15.Add(bar);
                    if (b15 != null)
                    {
                        if (!SendBar(client, s, "15m", b15, historical))
                        {
                            return 2;
                        }
                        bars15++;
                    }
                    if (historical)
                    {
                        if ((i + 1) % 200 == 0 || i + 1 == s.Historical)
                        {
                            Console.WriteLine("console: " + (i + 1) + "/" + bars.Count + " bars sent (historical)");
                        }
                        continue;
                    }
                    requested++;
                    JsonObject reply;
                    string failure;
                    RequestOutcome outcome = client.TryRequest(ActionRequest(s, bar.End), s.RequestTimeoutMs, out reply, out failure);
                    if (outcome == RequestOutcome.Replied && reply.Type == "action_response")
                    {
                        answered++;
                        double? target = reply.GetNumber("targetPosition");
                        if (target.HasValue)
                        {
                            lastTarget = target;
                        }
                    }
                    else if (outcome == RequestOutcome.TimedOut)
                    {
                        timeouts++;
                        Console.WriteLine("console: action for " + Json.FormatTime(bar.End) + " timed out");
                    }
                    else
                    {
                        failed++;
                        Console.WriteLine("console: action for " + Json.FormatTime(bar.End) + " failed: "
                            + (reply != null ? reply.ToJson() : failure));
                    }
                    if ((i + 1) % 20 == 0 || i + 1 == bars.Count)
                    {
                        Console.WriteLine("console: " + (i + 1) + "/" + bars.Count + " bars sent, position "
                            + SimExchange.Fmt(exchange.Position) + ", target " + (lastTarget.HasValue ? SimExchange.Fmt(lastTarget.Value) : "-")
                            + ", answered " + answered + ", timeouts " + timeouts + ", orders " + exchange.OrdersReceived);
                    }
                }

                // The request timeout at work: an action for a bar that was never sent is never answered.
                DateTime probeEnd = (bars.Count > 0 ? bars[bars.Count - 1].End : s.Start).AddMinutes(1);
                bool probeTimedOut = false;
                if (EnsureConnected(client, s))
                {
                    requested++;
                    JsonObject probeReply;
                    string probeFailure;
                    RequestOutcome probe = client.TryRequest(ActionRequest(s, probeEnd), s.RequestTimeoutMs, out probeReply, out probeFailure);
                    if (probe == RequestOutcome.TimedOut)
                    {
                        timeouts++;
                        probeTimedOut = true;
                        Console.WriteLine("console: action for the unsent bar " + Json.FormatTime(probeEnd) + " timed out, as expected");
                    }
                    else if (probe == RequestOutcome.Replied && probeReply.Type == "action_response")
                    {
                        answered++;
                        Console.WriteLine("console: unexpected: the action for the unsent bar " + Json.FormatTime(probeEnd) + " was answered");
                    }
                    else
                    {
                        failed++;
                        Console.WriteLine("console: action for the unsent bar failed: " + (probeReply != null ? probeReply.ToJson() : probeFailure));
                    }
                }
                CheckHandlers();

                JsonObject result = new JsonObject()
                    .Set("barsSent", barsSent)
                    .Set("bars5m", bars5)
                    .Set("bars15m", bars15)
                    .Set("actionsRequested", requested)
                    .Set("actionsAnswered", answered)
                    .Set("timeouts", timeouts)
                    .Set("reconnects", client.Reconnects)
                    .Set("ordersReceived", exchange.OrdersReceived)
                    .Set("ordersRejected", exchange.OrdersRejected)
                    .Set("cancelsReceived", exchange.CancelsReceived)
                    .Set("executions", exchange.Executions)
                    .Set("syncs", exchange.Syncs)
                    .Set("errorsReceived", client.ErrorsReceived)
                    .Set("finalPosition", exchange.Position)
                    .Set("lastTargetPosition", lastTarget.HasValue ? (object)lastTarget.Value : null)
                    .Set("actionsFailed", failed)
                    .Set("finalProbeTimedOut", probeTimedOut)
                    .Set("heartbeatsSent", client.HeartbeatsSent);
                Console.WriteLine("RESULT " + result.ToJson());
                return 0;
            }
            finally
            {
                client.Stop();
            }
        }

        private static JsonObject ActionRequest(Settings s, DateTime barEnd)
        {
            return RlBridgeClient.Message("action_request").Set("id", RlBridgeClient.NextId("a"))
                .Set("instrument", s.Instrument).Set("barEnd", barEnd);
        }

        /// <summary>While disconnected, waits for the reconnect (up to --reconnect-wait-ms) so no bar is lost.</summary>
        private static bool EnsureConnected(RlBridgeClient client, Settings s)
        {
            if (client.IsConnected)
            {
                return true;
            }
            Console.WriteLine("console: waiting up to " + s.ReconnectWaitMs + " ms for the bridge to come back");
            if (client.WaitConnected(s.ReconnectWaitMs))
            {
                return true;
            }
            Console.WriteLine("console: gave up: the bridge did not come back within " + s.ReconnectWaitMs + " ms ("
                + client.LastDisconnectReason + ")");
            return false;
        }

        /// <summary>Sends a bar; if the connection dropped under it, waits for the reconnect and sends it again.</summary>
        private static bool SendBar(RlBridgeClient client, Settings s, string timeframe, SimBar bar, bool historical)
        {
            for (int attempt = 0; attempt < 3; attempt++)
            {
                JsonObject m = RlBridgeClient.Message("bar")
                    .Set("instrument", s.Instrument)
                    .Set("timeframe", timeframe)
                    .Set("end", bar.End)
                    .Set("open", bar.Open)
                    .Set("high", bar.High)
                    .Set("low", bar.Low)
                    .Set("close", bar.Close)
                    .Set("volume", bar.Volume)
                    .Set("historical", historical);
                if (client.Send(m))
                {
                    return true;
                }
                if (!EnsureConnected(client, s))
                {
                    return false;
                }
            }
            Console.WriteLine("console: gave up: could not send the " + timeframe + " bar ending " + Json.FormatTime(bar.End));
            return false;
        }

        /// <summary>Seeded random walk on the tick grid; bar i ends at start + (i + 1) minutes.</summary>
        private static List<SimBar> Generate(Settings s)
        {
            Random rng = new Random(s.Seed);
            decimal tick = (decimal)s.Tick;
            long ticks = (long)Math.Round(s.StartPrice / s.Tick);
            List<SimBar> bars = new List<SimBar>(s.Bars);
            for (int i = 0; i < s.Bars; i++)
            {
                long open = ticks;
                long close = open;
                long high = open;
                long low = open;
                for (int step = 0; step < 6; step++)
                {
                    close += rng.Next(-3, 4);
                    high = Math.Max(high, close);
                    low = Math.Min(low, close);
                }
                high += rng.Next(0, 3);
                low -= rng.Next(0, 3);
                if (low < 1)
                {
                    long shift = 1 - low;
                    open += shift;
                    close += shift;
                    high += shift;
                    low += shift;
                }
                bars.Add(new SimBar
                {
                    End = s.Start.AddMinutes(i + 1),
                    Open = (double)(open * tick),
                    High = (double)(high * tick),
                    Low = (double)(low * tick),
                    Close = (double)(close * tick),
                    Volume = 50 + rng.Next(0, 2000),
                });
                ticks = close;
            }
            return bars;
        }

        private static void Guard(Action a)
        {
            try
            {
                a();
            }
            catch (Exception e)
            {
                Console.WriteLine("console: unexpected exception in a handler: " + e);
                Interlocked.CompareExchange(ref handlerFailure, e, null);
            }
        }

        private static void CheckHandlers()
        {
            Exception e = Interlocked.CompareExchange(ref handlerFailure, null, null);
            if (e != null)
            {
                throw new InvalidOperationException("a bridge message handler failed", e);
            }
        }
    }
}
