package io.throughgate.sharinglog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.json.CanonicalJson;
import io.throughgate.json.Json;

/**
 * The leaf text the indexer puts together from an event's canonical JSON, as the hub writes it to Kafka, is the
 * canonical JSON of {@code {"event", "index", "indexedAt"}}: the documented leaf form, byte for byte.
 */
class SharingLogLeafTest {

    private static final Instant INDEXED_AT = Instant.parse("2026-11-20T10:00:01.123456Z");

    @Test
    void aDeliveredEntryWithEveryMember() {
        SharingLogEvent event = new SharingLogEvent("6f1c1e0a-8a7e-4b7c-9b1f-0c5f7f0e2a11", "delivered",
                "0b9a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "health-summary", "yoi-feltham",
                "health-icb-north-central-london",
                "pseudo-Ω-\"quoted\"", "london-resettlement-health", 3, "a".repeat(64), "health-information-sharing",
                new SharingLogEvent.LawfulBasis("public-task", List.of("health-or-social-care"), List.of(
                        "para-2-health"), List.of("Health and Social Care Act 2012 s251B")),
                List.of("5e0c9a7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f"),
                List.of(new SharingLogEvent.Field("/body/clinicalSummary",
                        "encrypt", null, "5e0c9a7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f"),
                        new SharingLogEvent.Field(
                                "/body/diagnoses/*", "withhold", "diagnoses stay with clinicians\u2028 <tab>\t",
                                null)),
                List.of("nhs:abc", "pnc:def"), "2026-11-20T09:59:00Z", Instant.parse("2026-11-20T10:00:00.5Z"),
                "tg.inbox.health-icb-north-central-london", 2, 12345L, "c0ffee00-0000-8000-8000-000000000000", null,
                null);
        assertSameLeaf(event);
    }

    @Test
    void aWithheldEntryWithoutItsOptionalMembers() {
        SharingLogEvent event = new SharingLogEvent("6f1c1e0a-8a7e-4b7c-9b1f-0c5f7f0e2a12", "withheld",
                "0b9a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2e", "custody-admission", "yoi-feltham", "eval-mopac", null,
                "london-resettlement-evaluation", 1, "b".repeat(64), "evaluation", new SharingLogEvent.LawfulBasis(
                        "public-task", List.of(), List.of(), List.of()),
                List.of(), List.of(), List.of(),
                "2026-11-20T09:59:00Z", Instant.parse("2026-11-20T10:00:00Z"), null, null, null, null, null, null);
        assertSameLeaf(event);
    }

    private static void assertSameLeaf(SharingLogEvent event) {
        String canonical = new String(SharingLogLeaf.canonicalEvent(event), StandardCharsets.UTF_8);
        assertEquals(CanonicalJson.text(Json.tree(event)), canonical, "the event as written is canonical JSON");
        ObjectNode leaf = JsonNodeFactory.instance.objectNode();
        leaf.set("event", Json.tree(event));
        leaf.put("index", 41);
        leaf.put("indexedAt", INDEXED_AT.toString());
        assertEquals(CanonicalJson.text(leaf), SharingLogLeaf.text(canonical, 41, INDEXED_AT));
    }
}
