package org.tl4j.course;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {
    @Test
    void classIsTheDefaultAndCiShrinksSizesNotBelowMinimums() {
        assertEquals(Profile.CLASS, Profile.parse(null));
        assertEquals(Profile.CI, Profile.parse(" ci "));
        assertEquals(4000, Profile.CLASS.samples(4000));
        assertEquals(2000, Profile.CI.samples(4000));
        assertEquals(5, Profile.CI.samples(5));
        assertEquals(1, Profile.CI.epochs(2));
        assertEquals(10, Profile.CI.epochs(30));
    }

    @Test
    void unknownProfileSaysWhatIsValid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertTrue(e.getMessage().contains("'class' or 'ci'"), e.getMessage());
    }
}
