package io.github.rltrading.learning.hpo;

import java.time.Instant;
import java.util.Objects;

/**
 * A study as stored: what it searches and how, fixed when it was created.
 *
 * @param name      the study's unique name
 * @param direction minimise or maximise
 * @param space     the search space; a study is only resumed with the same space
 * @param sampler   the sampler's {@link Sampler#description()} at creation, for the audit
 * @param seed      the study's seed at creation; trials derive their sampler seeds from it
 * @param created   when the study was created
 */
public record StudyRecord(String name, Direction direction, SearchSpace space, String sampler, long seed, Instant created) {

    public StudyRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(created, "created");
    }
}
