package cn.hemeigrid.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import cn.hemeigrid.system.RejectedRequestException;

/** The urgency of an incident, which sets its assign limit: urgent ones are dispatched sooner. */
public enum Urgency {
    ORDINARY, URGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a request value; blank or missing means ordinary.
     *
     * @throws RejectedRequestException 400 for an unknown value
     */
    public static Urgency parse(String code) {
        if (code == null || code.isBlank()) {
            return ORDINARY;
        }
        return fromCode(code.trim()).orElseThrow(() -> RejectedRequestException.badRequest("urgency.unknown", code));
    }

    public static Optional<Urgency> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code().equals(code)).findFirst();
    }
}
