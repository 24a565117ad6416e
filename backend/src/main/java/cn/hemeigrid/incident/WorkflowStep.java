package cn.hemeigrid.incident;

import java.time.Instant;
import java.util.List;

/**
 * One workflow step as the history records it: the actor, the time, a note and references to
 * photos stored elsewhere (URLs or storage keys).
 *
 * @param note      free text, or null
 * @param photoRefs never null, at most {@value #MAX_PHOTOS}
 */
public record WorkflowStep(Actor actor, Instant at, String note, List<String> photoRefs) {

    public static final int MAX_PHOTOS = 9;

    public WorkflowStep {
        photoRefs = photoRefs == null ? List.of() : List.copyOf(photoRefs);
        if (photoRefs.size() > MAX_PHOTOS) {
            throw new IllegalArgumentException("At most " + MAX_PHOTOS + " photos per step, got " + photoRefs.size());
        }
    }

    public static WorkflowStep by(Actor actor, Instant at) {
        return new WorkflowStep(actor, at, null, List.of());
    }

    boolean hasNote() {
        return note != null && !note.isBlank();
    }
}
