package org.tl4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The course's tokenizer: lower-case words of letters, with inner apostrophes and hyphens kept. */
public final class Tokens {
    private static final Pattern WORD = Pattern.compile("[a-z]+(?:['-][a-z]+)*");

    private Tokens() {
    }

    public static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
