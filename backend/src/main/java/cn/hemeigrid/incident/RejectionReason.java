package cn.hemeigrid.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reason for not taking up an incident (不予受理). {@code OTHER} needs a note that explains it. */
public enum RejectionReason {
    NOT_IN_CATALOGUE, NOT_THIS_JURISDICTION, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RejectionReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
