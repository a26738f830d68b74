package io.github.rltrading.learning.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The debounce decision over arbitrary change timings: changes are polled at the moment each
 * arrives (as the watcher does before recording one) and once more when everything is quiet.
 */
class ChangeWindowProperties {

    private static final Instant T0 = Instant.parse("2025-01-06T14:00:00Z");

    @Property
    void oneRequestPerQuietGapAndEveryChangeInExactlyOne(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 90) Integer> gapsInSeconds,
            @ForAll @IntRange(min = 1, max = 60) int quietSeconds) {
        Duration quiet = Duration.ofSeconds(quietSeconds);
        ChangeWindow window = new ChangeWindow(quiet);
        List<List<FileChange>> requests = new ArrayList<>();
        Instant now = T0;
        int expectedRequests = 1;
        for (int i = 0; i < gapsInSeconds.size(); i++) {
            if (i > 0) {
                now = now.plusSeconds(gapsInSeconds.get(i));
                if (gapsInSeconds.get(i) >= quietSeconds) {
                    expectedRequests++;
                }
            }
            take(window, now, requests);
            window.record(change(i), now);
            assertThat(window.firesAt()).contains(now.plus(quiet));
        }
        Instant lastChange = now;
        assertThat(window.takeIfDue(lastChange.plus(quiet).minusNanos(1))).as("never before the quiet period").isEmpty();
        take(window, lastChange.plus(quiet), requests);

        assertThat(requests).hasSize(expectedRequests);
        assertThat(requests.stream().flatMap(List::stream).map(FileChange::path))
                .containsExactlyElementsOf(changes(gapsInSeconds.size()));
        assertThat(window.isEmpty()).isTrue();
        assertThat(window.firesAt()).isEmpty();
    }

    @Property
    void aRepeatedChangeToOneFileKeepsOneEntryWithTheLatestSighting(@ForAll @IntRange(min = 1, max = 20) int times) {
        ChangeWindow window = new ChangeWindow(Duration.ofSeconds(30));
        for (int i = 0; i < times; i++) {
            window.record(new FileChange(Path.of("/e/a.txt"), i, T0), T0.plusSeconds(i));
        }
        assertThat(window.pending()).singleElement().extracting(FileChange::size).isEqualTo((long) times - 1);
        assertThat(window.firesAt()).contains(T0.plusSeconds(times - 1 + 30));
    }

    @Example
    void forgettingTheLastPendingFileStopsTheWindow() {
        ChangeWindow window = new ChangeWindow(Duration.ofSeconds(30));
        window.record(change(0), T0);
        window.forget(change(0).path());
        assertThat(window.firesAt()).isEmpty();
        assertThat(window.takeIfDue(T0.plusSeconds(60))).isEmpty();
    }

    @Example
    void aQuietPeriodMustBePositive() {
        assertThatThrownBy(() -> new ChangeWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("debounce is PT0S; give a positive quiet period, e.g. 30 s");
    }

    private static void take(ChangeWindow window, Instant now, List<List<FileChange>> requests) {
        List<FileChange> due = window.takeIfDue(now);
        if (!due.isEmpty()) {
            requests.add(due);
        }
    }

    private static FileChange change(int i) {
        return new FileChange(Path.of("/e/f" + i + ".txt"), i, T0);
    }

    private static List<Path> changes(int n) {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paths.add(change(i).path());
        }
        return paths;
    }
}
