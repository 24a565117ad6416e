package cn.hemeigrid.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How fast an incident must be dispatched: urgent ones have a shorter assign limit. */
public enum Urgency {
    ORDINARY, URGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Urgency> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code().equals(code)).findFirst();
    }
}
