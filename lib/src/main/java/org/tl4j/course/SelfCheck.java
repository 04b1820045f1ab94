package org.tl4j.course;

import org.tl4j.viz.Rendition;
import org.tl4j.viz.TableHtml;
import org.tl4j.viz.Visual;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Multiple-choice questions at the end of a lesson, with immediate feedback. The questions and the
 * answer key live in the library ({@code selfcheck/<lesson>.properties}), not in the notebook:
 * {@code SelfCheck.question("backprop", 1)} shows one, {@code SelfCheck.answer("backprop", 1, "b")}
 * says whether "b" is right and why. Each option may carry its own explanation ({@code qN.b.why}): a wrong
 * choice then hears what is wrong with it (the misconception it stands for), never which letter is right.
 */
public final class SelfCheck implements Visual {
    private static final Messages TEXT = Messages.of(SelfCheck.class);
    private final String lesson;
    private final int number;
    private final String text;
    private final List<String> options;
    private final String correct;
    private final String why;
    private final List<String> reasons;

    private SelfCheck(String lesson, int number, String text, List<String> options, String correct, String why,
                      List<String> reasons) {
        this.lesson = lesson;
        this.number = number;
        this.text = text;
        this.options = options;
        this.correct = correct;
        this.why = why;
        this.reasons = reasons;
    }

    public static SelfCheck question(String lesson, int number) {
        Properties p = load(lesson);
        String key = "q" + number;
        if (p.getProperty(key + ".text") == null) {
            throw new IllegalArgumentException(TEXT.get("SelfCheck.noQuestion", lesson, number));
        }
        List<String> options = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (char c = 'a'; p.getProperty(key + "." + c) != null; c++) {
            options.add(p.getProperty(key + "." + c));
            reasons.add(p.getProperty(key + "." + c + ".why"));
        }
        String correct = p.getProperty(key + ".answer").trim();
        String why = p.getProperty(key + ".why", reasons.get(correct.charAt(0) - 'a'));
        return new SelfCheck(lesson, number, p.getProperty(key + ".text"), options, correct, why, reasons);
    }

    /** Feedback on a choice ("a", "b", ...). */
    public static String answer(String lesson, int number, String choice) {
        SelfCheck q = question(lesson, number);
        if (choice == null || choice.trim().length() != 1 || choice.trim().toLowerCase(Locale.ROOT).charAt(0) - 'a' >= q.options.size()
                || choice.trim().toLowerCase(Locale.ROOT).charAt(0) < 'a') {
            return TEXT.get("SelfCheck.oneLetter", (char) ('a' + q.options.size() - 1));
        }
        String c = choice.trim().toLowerCase(Locale.ROOT);
        if (c.equals(q.correct)) {
            return TEXT.get("SelfCheck.right", q.why);
        }
        String reason = q.reasons.get(c.charAt(0) - 'a');
        return reason == null ? TEXT.get("SelfCheck.notQuite") : TEXT.get("SelfCheck.notQuiteBecause", reason);
    }

    /** The lesson's questions in the course's language (selfcheck/<lesson>_pt_BR.properties in Portuguese). */
    private static Properties load(String lesson) {
        Properties p = new Properties();
        if (!read(p, lesson + ".properties")) {
            throw new IllegalArgumentException(TEXT.get("SelfCheck.noLesson", lesson));
        }
        if (Messages.portuguese()) {
            read(p, lesson + "_pt_BR.properties");
        }
        return p;
    }

    private static boolean read(Properties into, String file) {
        try (InputStream in = SelfCheck.class.getResourceAsStream("/org/tl4j/course/selfcheck/" + file)) {
            if (in != null) {
                into.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return in != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Rendition render() {
        String title = TEXT.get("SelfCheck.question", number);
        StringBuilder t = new StringBuilder(title + " " + text + "\n");
        StringBuilder h = new StringBuilder("<div><p><b>" + title + "</b> " + TableHtml.escape(text) + "</p><ol type=\"a\">");
        for (int i = 0; i < options.size(); i++) {
            t.append("  ").append((char) ('a' + i)).append(") ").append(options.get(i)).append('\n');
            h.append("<li>").append(TableHtml.escape(options.get(i))).append("</li>");
        }
        h.append("</ol><p><em>").append(TableHtml.escape(TEXT.get("SelfCheck.howToAnswer", lesson, number)))
                .append("</em></p></div>");
        return Rendition.text(t.toString().stripTrailing()).withHtml(h.toString());
    }
}
