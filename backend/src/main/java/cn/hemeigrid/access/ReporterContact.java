package cn.hemeigrid.access;

/**
 * Masks a reporter's contact (usually a phone number) for every view but the single-incident
 * staff view inside the jurisdiction.
 */
public final class ReporterContact {

    private static final String MASK = "****";

    private ReporterContact() {
    }

    /**
     * Returns the contact with its middle replaced by {@code ****}: the first 3 and last 4
     * characters stay from 11 characters on (13812345678 becomes 138****5678), the last 2 from
     * 7 to 10 characters, and none below 7. Returns null for null.
     */
    public static String masked(String contact) {
        if (contact == null) {
            return null;
        }
        String trimmed = contact.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length >= 11) {
            return head(trimmed, 3) + MASK + tail(trimmed, length, 4);
        }
        if (length >= 7) {
            return MASK + tail(trimmed, length, 2);
        }
        return MASK;
    }

    private static String head(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private static String tail(String text, int length, int codePoints) {
        return text.substring(text.offsetByCodePoints(0, length - codePoints));
    }
}
