package org.tl4j.course;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The library's words in the student's language. Each package keeps its texts in a bundle next to its
 * classes ({@code org/tl4j/<package>/messages.properties}, English, and {@code messages_pt_BR.properties});
 * a text is a {@link String#format} pattern (a literal percent sign is written %%). The language is the
 * system property {@code tl4j.lang} ("en" or "pt-BR"), else {@code TL4J_LANG} (the kernel sets it from the
 * notebook's folder), else the JVM's locale.
 */
public final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private final String bundle;

    private Messages(String bundle) {
        this.bundle = bundle;
    }

    /** The texts of the package a class belongs to. */
    public static Messages of(Class<?> anchor) {
        return new Messages(anchor.getPackageName() + ".messages");
    }

    /** The course's language: English or Brazilian Portuguese. */
    public static Locale language() {
        String chosen = System.getProperty("tl4j.lang");
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getenv("TL4J_LANG");
        }
        if (chosen == null || chosen.isBlank()) {
            chosen = Locale.getDefault().getLanguage();
        }
        return chosen.trim().toLowerCase(Locale.ROOT).startsWith("pt") ? Locale.forLanguageTag("pt-BR") : Locale.ROOT;
    }

    /** True when the course speaks Portuguese. */
    public static boolean portuguese() {
        return !language().equals(Locale.ROOT);
    }

    /** The text of a key, its %s (and %d, %.3f...) filled with the arguments; numbers written as in code. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, language(), NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("tl4j has no text \"" + key + "\" in " + bundle, e);
        }
        return String.format(Locale.ROOT, pattern, args);
    }
}
