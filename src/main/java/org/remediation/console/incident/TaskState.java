package org.remediation.console.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One checklist task as seen now; {@code version} goes back with a change (optimistic locking). */
public record TaskState(long id, long phaseId, String ref, String text, String owner, @Nullable String command,
                        @Nullable String actionSpec, @Nullable String note, boolean done, @Nullable String doneBy,
                        @Nullable Instant doneAt, long version, @Nullable Long doneByAction) {

    /** Ticked by hand (or not ticked). */
    public TaskState(long id, long phaseId, String ref, String text, String owner, @Nullable String command,
                     @Nullable String actionSpec, @Nullable String note, boolean done, @Nullable String doneBy,
                     @Nullable Instant doneAt, long version) {
        this(id, phaseId, ref, text, owner, command, actionSpec, note, done, doneBy, doneAt, version, null);
    }
}
