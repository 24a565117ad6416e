package cn.hemeigrid.system;

/**
 * Checks on free text a user typed before it is stored: PostgreSQL rejects the NUL character,
 * and control characters or unpaired surrogates only garble pages and exports.
 */
public final class UserText {

    private UserText() {
    }

    /**
     * Returns true when the text contains a control character other than tab, line feed and
     * carriage return, or half of a surrogate pair.
     */
    public static boolean hasForbiddenCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowedControl = c == '\t' || c == '\n' || c == '\r';
            if (Character.isISOControl(c) && !allowedControl) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns true when the text has a visible character: one that is neither whitespace nor
     * an invisible format character such as the zero-width space.
     */
    public static boolean hasVisibleCharacter(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c));
    }
}
