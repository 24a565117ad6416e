package cn.hemeigrid.planning.geometry;

import java.util.Locale;

/**
 * The kind of a finding. Each kind has a fixed severity and a message key
 * {@code planning.finding.<code>} in messages.properties.
 */
public enum FindingKind {
    REPEATED_VERTEX_REMOVED(Severity.REPAIRED),
    RING_CLOSED(Severity.REPAIRED),
    SHELL_REORIENTED(Severity.REPAIRED),
    HOLE_REORIENTED(Severity.REPAIRED),

    MISSING_GEOMETRY(Severity.REJECTED),
    UNSUPPORTED_TYPE(Severity.REJECTED),
    MALFORMED_COORDINATES(Severity.REJECTED),
    EMPTY(Severity.REJECTED),
    NON_FINITE(Severity.REJECTED),
    OUT_OF_RANGE(Severity.REJECTED),
    SWAPPED_LON_LAT(Severity.REJECTED),
    TOO_MANY_VERTICES(Severity.REJECTED),
    DEGENERATE_RING(Severity.REJECTED),
    SELF_INTERSECTION(Severity.REJECTED),
    RINGS_CROSS(Severity.REJECTED),
    HOLE_OUTSIDE_SHELL(Severity.REJECTED),
    NESTED_HOLES(Severity.REJECTED),
    DISCONNECTED_INTERIOR(Severity.REJECTED),
    OVERLAPPING_PARTS(Severity.REJECTED),

    OUTSIDE_VILLAGE(Severity.REJECTED),
    OVERLAP(Severity.REJECTED),
    GAP(Severity.WARNING),
    AREA_OUTLIER(Severity.WARNING),
    DEGENERATE_LINE(Severity.REJECTED),
    SPLIT_LINE_MISSES(Severity.REJECTED),
    NOT_ADJACENT(Severity.REJECTED),
    SLIVER_RESULT(Severity.REJECTED);

    private final Severity severity;

    FindingKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** Returns the kind as the API writes it, for example {@code self-intersection}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "planning.finding." + code();
    }
}
