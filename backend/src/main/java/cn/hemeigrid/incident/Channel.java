package cn.hemeigrid.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channel through which a report reached the platform. */
public enum Channel {
    APP, PHONE, SUGGESTION_BOX, GRID_WORKER, SENSOR, OPEN311;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
