package cn.hemeigrid.planning;

import java.util.Optional;

/**
 * A grid code: the 12-digit statistical code of the village/community (6 county + 3 township
 * + 3 village digits) followed by a 3-digit serial from 001 to 999, for example
 * {@code 441302001001001}. Codes come from the province or are proposed by
 * {@link GridCodes}; a code is never given to a second grid, even after the first is retired.
 */
public record GridCode(String value) {

    public static final int MAX_SERIAL = 999;

    public GridCode {
        if (value == null || !value.matches("[0-9]{15}") || value.endsWith("000")) {
            throw new IllegalArgumentException("A grid code has 15 digits and a serial from 001 to 999, got " + value);
        }
    }

    /** Parses a typed code, ignoring surrounding blanks; empty when it is not a grid code. */
    public static Optional<GridCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!trimmed.matches("[0-9]{15}") || trimmed.endsWith("000")) {
            return Optional.empty();
        }
        return Optional.of(new GridCode(trimmed));
    }

    public static GridCode of(String villageCode, int serial) {
        if (villageCode == null || !villageCode.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("A village/community code has 12 digits, got " + villageCode);
        }
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("A grid serial is from 1 to " + MAX_SERIAL + ", got " + serial);
        }
        return new GridCode(villageCode + String.format("%03d", serial));
    }

    public String villageCode() {
        return value.substring(0, 12);
    }

    public int serial() {
        return Integer.parseInt(value.substring(12));
    }

    public boolean belongsTo(String villageCode) {
        return villageCode().equals(villageCode);
    }

    @Override
    public String toString() {
        return value;
    }
}
