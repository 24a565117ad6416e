package cn.hemeigrid.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Level that supervises an incident: its grid first, then one level higher at each escalation. */
public enum EscalationLevel {
    GRID, VILLAGE, TOWNSHIP, COUNTY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EscalationLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }

    /** Returns the level above, or empty at the county, the top. */
    public Optional<EscalationLevel> above() {
        return this == COUNTY ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
