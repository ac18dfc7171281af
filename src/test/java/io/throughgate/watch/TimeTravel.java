package io.throughgate.watch;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A hub of its own for a test that moves the clock forward: its own start (a clean database) so that no other test
 * meets the moved time, and timeliness notices sent only when the test asks (the indexer's own run is ten years
 * apart: moving the clock a few months on does not make it due).
 */
public final class TimeTravel implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("throughgate.timeliness.notices-every", "P3650D");
    }
}
