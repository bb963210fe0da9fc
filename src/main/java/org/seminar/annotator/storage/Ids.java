package org.seminar.annotator.storage;

import java.security.SecureRandom;

/** Opaque, URL-safe identifiers: a one-letter kind and 12 random characters (about 60 bits). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Ids() {
    }

    public static String next(char kind) {
        char[] id = new char[13];
        id[0] = kind;
        for (int i = 1; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
