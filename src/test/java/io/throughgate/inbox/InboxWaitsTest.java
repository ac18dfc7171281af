package io.throughgate.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Long polls are bounded per agency (2) and in all (32), so waiting reads cannot take every worker thread. */
class InboxWaitsTest {

    private final InboxWaits waits = new InboxWaits();

    @Test
    void anAgencyWaitsInAtMostTwoReadsAndAnotherIsNotHeldUp() {
        InboxWaits.Permit first = waits.tryWait("yoi-feltham");
        InboxWaits.Permit second = waits.tryWait("yoi-feltham");
        assertTrue(first.granted() && second.granted());
        assertFalse(waits.tryWait("yoi-feltham").granted(), "a third read of the same agency answers at once");
        assertTrue(waits.tryWait("yot-camden").granted(), "another agency still waits");
        first.close();
        first.close();
        assertTrue(waits.tryWait("yoi-feltham").granted(), "a closed permit frees its place, once");
        assertFalse(waits.tryWait("yoi-feltham").granted());
    }

    @Test
    void atMostThirtyTwoReadsWaitInAll() {
        List<InboxWaits.Permit> held = new ArrayList<>();
        for (int agency = 0; agency < 16; agency++) {
            for (int read = 0; read < 2; read++) {
                held.add(waits.tryWait("agency-" + agency));
            }
        }
        assertTrue(held.stream().allMatch(InboxWaits.Permit::granted));
        InboxWaits.Permit refused = waits.tryWait("agency-16");
        assertFalse(refused.granted());
        refused.close();
        held.get(0).close();
        assertTrue(waits.tryWait("agency-16").granted());
    }
}
