package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {

    private static final String ACTOR = "cli:" + System.getProperty("user.name");

    private static String[] registry(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("registry"));
        all.addAll(List.of(args));
        all.addAll(List.of("--db", dir.resolve("learning.db").toString(), "--models", dir.resolve("models").toString()));
        return all.toArray(String[]::new);
    }

    private static String register(Path dir, String note) {
        Cli.Result r = Cli.ok(registry(dir, "register", Cli.modelWindowFour().toString(), "--instrument", "ES", "--note", note));
        Matcher m = Pattern.compile("as (v\\d+_\\d{8}_\\d{6}) for ES \\(ppo\\)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }

    @Test
    void registersListsShowsPromotesRollsBackAndAuditsWithTheUserAsActor(@TempDir Path dir) {
        String v1 = register(dir, "first");
        String v2 = register(dir, "second");
        assertThat(v1).startsWith("v1_");
        assertThat(v2).startsWith("v2_");

        Cli.Result list = Cli.ok(registry(dir, "list"));
        assertThat(list.out()).contains("VERSION").contains("  " + v2).contains("  " + v1).contains("second").contains("first");
        assertThat(list.out().indexOf(v2)).isLessThan(list.out().indexOf(v1));

        Cli.Result show = Cli.ok(registry(dir, "show", v1));
        assertThat(show.out()).contains("Version:         " + v1).contains("Algorithm:       ppo")
                .contains("Parent:          none (trained from scratch)").contains("(window 4)").contains("Note:            first");

        assertThat(Cli.ok(registry(dir, "promote", v1, "--instrument", "ES", "--reason", "best so far")).out())
                .contains("Production model for ES: none -> " + v1 + " (by " + ACTOR + ")");
        assertThat(Cli.ok(registry(dir, "list")).out()).contains("* " + v1);
        Cli.Result again = Cli.run(registry(dir, "promote", v1, "--instrument", "ES"));
        assertThat(again.code()).isEqualTo(Rl.USAGE);
        assertThat(again.err()).contains(v1 + " is already the production model for ES");

        Cli.ok(registry(dir, "promote", v2, "--instrument", "ES"));
        assertThat(Cli.ok(registry(dir, "rollback", "--instrument", "ES", "--reason", "v2 misbehaved")).out())
                .contains("Production model for ES: " + v2 + " -> " + v1 + " (rolled back by " + ACTOR + ")");
        assertThat(Cli.ok(registry(dir, "rollback", "--instrument", "ES", "--to", v2)).out()).contains(v1 + " -> " + v2);

        Cli.Result audit = Cli.ok(registry(dir, "audit", "--instrument", "ES"));
        assertThat(audit.out()).containsPattern("#1 \\S+ REGISTER +ES +" + v1)
                .containsPattern("PROMOTE +ES +" + v1 + " +previous - +by " + Pattern.quote(ACTOR) + ": best so far")
                .containsPattern("ROLLBACK +ES +" + v1 + " +previous " + v2 + " +by " + Pattern.quote(ACTOR) + ": v2 misbehaved");
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatToDo(@TempDir Path dir) {
        Cli.Result noDb = Cli.run(registry(dir, "list"));
        assertThat(noDb.code()).isEqualTo(Rl.USAGE);
        assertThat(noDb.err()).contains("--db " + dir.resolve("learning.db") + ": no learning database there");

        String v1 = register(dir, "only");
        Cli.Result unknown = Cli.run(registry(dir, "show", "v9_20260101_000000"));
        assertThat(unknown.code()).isEqualTo(Rl.USAGE);
        assertThat(unknown.err()).contains("no model version 'v9_20260101_000000' in the registry").contains("the newest are [" + v1 + "]");

        Cli.Result notAModel = Cli.run(registry(dir, "register", dir.toString(), "--instrument", "ES"));
        assertThat(notAModel.code()).isEqualTo(Rl.USAGE);
        assertThat(notAModel.err()).contains("cannot register " + dir + ": it has no model.json");

        Cli.Result nothingToRollBack = Cli.run(registry(dir, "rollback", "--instrument", "ES"));
        assertThat(nothingToRollBack.code()).isEqualTo(Rl.USAGE);
        assertThat(nothingToRollBack.err()).contains("no production model for ES to roll back from; promote one first");

        Cli.Result missingInstrument = Cli.run(registry(dir, "promote", v1));
        assertThat(missingInstrument.code()).isEqualTo(Rl.USAGE);
        assertThat(missingInstrument.err()).contains("Missing required option: '--instrument=SYMBOL'");
    }
}
