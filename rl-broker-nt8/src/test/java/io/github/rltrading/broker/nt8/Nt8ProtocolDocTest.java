package io.github.rltrading.broker.nt8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.testkit.RecordingListener;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/nt8-protocol.md is the contract: every example a strategy sends is played to a real bridge
 * (which must answer none of them with an error), and every message the server sends has exactly
 * the fields of its example in the document.
 */
class Nt8ProtocolDocTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document's JSON examples by type, in order. */
    static Map<String, List<ObjectNode>> examples() throws Exception {
        Path doc = Path.of("..", "docs", "nt8-protocol.md");
        assumeTrue(Files.exists(doc), "docs/nt8-protocol.md not found next to the module (run from the repository)");
        Matcher m = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(Files.readString(doc));
        Map<String, List<ObjectNode>> byType = new HashMap<>();
        while (m.find()) {
            for (String line : m.group(1).split("\n")) {
                ObjectNode node = (ObjectNode) JSON.readTree(line);
                byType.computeIfAbsent(node.get("type").asText(), k -> new ArrayList<>()).add(node);
            }
        }
        return byType;
    }

    private static Set<String> keys(ObjectNode n) {
        Set<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Each message type's JSON Schema from docs/nt8-protocol/v1. */
    static JsonNode schema(String type) throws Exception {
        Path file = Path.of("..", "docs", "nt8-protocol", "v1", type + ".schema.json");
        assertThat(file).as("a schema file for " + type).exists();
        return JSON.readTree(file.toFile());
    }

    /** A message the server sent, checked against its schema. */
    private static ObjectNode expect(RawClient c, String type) throws Exception {
        ObjectNode m = c.next(WAIT);
        assertThat(m).as("a " + type + " from the server").isNotNull();
        assertThat(m.get("type").asText()).as(m.toString()).isEqualTo(type);
        assertThat(MiniSchema.problems(schema(type), m)).as("the server's " + type + " against its schema: " + m).isEmpty();
        return m;
    }

    @Test
    void everyExampleConformsToItsSchemaAndTheSchemasCatchMistakes() throws Exception {
        for (Map.Entry<String, List<ObjectNode>> e : examples().entrySet()) {
            for (ObjectNode example : e.getValue()) {
                assertThat(MiniSchema.problems(schema(e.getKey()), example)).as(example.toString()).isEmpty();
            }
        }
        ObjectNode bar = examples().get("bar").get(0).deepCopy();
        bar.remove("close");
        bar.put("timeframe", "5 minutes");
        bar.put("end", "20.11.2026 14:31");
        assertThat(MiniSchema.problems(schema("bar"), bar)).containsExactlyInAnyOrder("$.close is required",
                "$.timeframe does not match ^[0-9]+[mhd]$: \"5 minutes\"",
                "$.end does not match ^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$: \"20.11.2026 14:31\"");
        ObjectNode order = examples().get("order").get(0).deepCopy();
        order.put("side", "LONG");
        order.put("quantity", 0);
        assertThat(MiniSchema.problems(schema("order"), order)).containsExactlyInAnyOrder(
                "$.side must be one of [\"BUY\",\"SELL\"], got \"LONG\"", "$.quantity must be > 0, got 0");
    }

    @Test
    void everyExampleInTheProtocolDocumentIsWhatTheBridgeSpeaks() throws Exception {
        Map<String, List<ObjectNode>> ex = examples();
        assertThat(ex.keySet()).containsExactlyInAnyOrder("hello", "welcome", "bar", "action_request", "action_response", "order",
                "cancel", "order_update", "execution", "position", "account", "sync_request", "sync_done", "heartbeat", "error");
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start(); RawClient strategy = new RawClient(bridge.port())) {
            Nt8Feed feed = bridge.feed(ContractSpecs.ES, Timeframe.M1);
            Nt8Broker broker = bridge.broker(ContractSpecs.ES);
            RecordingListener listener = new RecordingListener();
            broker.setListener(listener);

            strategy.line(ex.get("hello").get(0).toString());
            assertThat(keys(expect(strategy, "welcome"))).isEqualTo(keys(ex.get("welcome").get(0)));

            CompletableFuture<Void> connected = CompletableFuture.runAsync(broker::connect);
            ObjectNode sync = expect(strategy, "sync_request");
            assertThat(keys(sync)).isEqualTo(keys(ex.get("sync_request").get(0)));
            assertThat(sync.get("id").asText()).isEqualTo("j1");
            strategy.line(ex.get("sync_done").get(0).toString());
            connected.get(5, java.util.concurrent.TimeUnit.SECONDS);

            OrderRequest entry = OrderRequest.builder("s-1-o3", ContractSpecs.ES, Side.BUY, 1)
                    .bracket(Bracket.of(6001.25, 6026.25)).tag("ema-cross").build();
            CompletableFuture<Order> submitted = CompletableFuture.supplyAsync(() -> broker.submit(entry));
            ObjectNode order = expect(strategy, "order");
            assertThat(keys(order)).isEqualTo(keys(ex.get("order").get(0)));
            assertThat(order.get("id").asText()).isEqualTo("j2");
            strategy.line(ex.get("order_update").get(0).toString()); // the reply: SUBMITTED, id j2
            assertThat(submitted.get(5, java.util.concurrent.TimeUnit.SECONDS).state()).isEqualTo(OrderState.SUBMITTED);

            strategy.line(ex.get("execution").get(0).toString());
            strategy.line(ex.get("order_update").get(1).toString()); // the stop-loss child
            strategy.line(ex.get("position").get(0).toString());
            strategy.line(ex.get("account").get(0).toString());
            assertThat(strategy.ping("after-fill")).isTrue();
            assertThat(listener.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(6012.0));
            assertThat(broker.positions()).containsEntry("ES", 1.0);
            assertThat(broker.account()).containsEntry("cashValue", 100012.5);
            assertThat(broker.openOrders()).extracting(Order::clientOrderId).containsExactly("s-1-o3-sl");

            broker.cancel("s-1-o3-sl");
            ObjectNode cancel = expect(strategy, "cancel");
            assertThat(keys(cancel)).isEqualTo(keys(ex.get("cancel").get(0)));

            strategy.line(ex.get("bar").get(0).toString());
            strategy.line(ex.get("action_request").get(0).toString());
            assertThat(feed.next(WAIT)).isPresent();
            assertThat(feed.next(Duration.ofMillis(10))).isEmpty(); // the session is done with the bar
            ObjectNode response = expect(strategy, "action_response");
            assertThat(keys(response)).isEqualTo(keys(ex.get("action_response").get(0)));
            assertThat(response.get("id").asText()).isEqualTo("a17");

            for (ObjectNode hb : ex.get("heartbeat")) {
                strategy.line(hb.toString());
            }
            assertThat(expect(strategy, "heartbeat").get("id").asText()).isEqualTo("j9"); // a ping is echoed
            long errorsBefore = bridge.stats().errorsSent();
            strategy.line(ex.get("error").get(0).toString());
            assertThat(strategy.ping("last")).isTrue();
            assertThat(errorsBefore).as("the bridge answered none of the document's examples with an error").isZero();
            assertThat(bridge.stats().errorsSent()).isZero();
            assertThat(listener.violations()).isEmpty();
        }
    }
}
