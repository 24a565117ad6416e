package cn.hemeigrid.incident;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes: 16 characters of Crockford base32 (no I, L, O or U), 80 random bits from
 * {@link SecureRandom}, so they can be neither guessed nor enumerated.
 */
final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    static final int LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /**
     * Normalises what a person typed: upper case, blanks and dashes removed, and the letters
     * Crockford base32 reads as digits (O as 0, I and L as 1) replaced. Returns null when the
     * result cannot be a tracking code, so the lookup can return "not found" at once.
     */
    static String normalise(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        return code.matches("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}") ? code : null;
    }
}
