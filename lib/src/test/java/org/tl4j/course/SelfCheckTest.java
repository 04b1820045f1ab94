package org.tl4j.course;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfCheckTest {
    @Test
    void everyBackpropQuestionHasExactlyOneRightAnswer() {
        for (int q = 1; q <= 4; q++) {
            int right = 0;
            for (String letter : new String[]{"a", "b", "c", "d"}) {
                String feedback = SelfCheck.answer("backprop", q, letter);
                right += feedback.startsWith("Right: ") ? 1 : 0;
            }
            assertEquals(1, right, "question " + q);
            assertTrue(SelfCheck.question("backprop", q).render().html().contains("SelfCheck.answer"));
        }
    }

    @Test
    void aWrongChoiceHearsWhatIsWrongWithItButNotTheRightLetter() {
        for (int q = 1; q <= 6; q++) {
            SelfCheck question = SelfCheck.question("cnn", q);
            int options = question.render().text().split("\n").length - 1;
            int right = 0;
            for (int i = 0; i < options; i++) {
                String letter = String.valueOf((char) ('a' + i));
                String feedback = SelfCheck.answer("cnn", q, letter);
                if (feedback.startsWith("Right: ")) {
                    right++;
                } else {
                    assertTrue(feedback.startsWith("Not quite: ") && feedback.endsWith(" Try another letter."), feedback);
                    assertTrue(feedback.length() > 60, feedback);  // an explanation, not a bare "no"
                }
            }
            assertEquals(1, right, "question " + q);
        }
    }

    @Test
    void badAnswersAndUnknownQuestionsAreExplained() {
        assertEquals("Answer with one letter, a to c.", SelfCheck.answer("backprop", 1, "yes"));
        assertEquals("Answer with one letter, a to c.", SelfCheck.answer("backprop", 1, null));
        assertThrows(IllegalArgumentException.class, () -> SelfCheck.question("backprop", 99));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SelfCheck.question("nolesson", 1));
        assertTrue(e.getMessage().contains("nolesson"));
    }
}
