package io.github.rltrading.learning.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a file looked like when a change to it was seen: comparing two of these tells whether the
 * file changed in between (an export file only grows or is rewritten, both of which move the size
 * or the modification time).
 *
 * @param path         the file, absolute
 * @param size         its size in bytes
 * @param lastModified its modification time, at the file system's precision
 */
record FileChange(Path path, long size, Instant lastModified) {

    FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /**
     * Reads the size and modification time of {@code file}; empty when it is not there (any more)
     * or is not a regular file (a folder named like an export is not one).
     */
    static Optional<FileChange> read(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new FileChange(file, attributes.size(), attributes.lastModifiedTime().toInstant()));
    }
}
