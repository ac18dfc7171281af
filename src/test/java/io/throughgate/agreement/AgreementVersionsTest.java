package io.throughgate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.config.ClockProducer;

/**
 * An agreement keeps every version: a version every party has signed supersedes the earlier ones from its first day,
 * so at most one version is in force on a day, and a draft being signed leaves the version in force alone.
 */
class AgreementVersionsTest {

    private static final LocalDate TODAY = LocalDate.now(ClockProducer.LONDON);
    private static final LocalDate NEXT_MONTH = TODAY.plusMonths(1);

    @TempDir
    Path root;

    /** Version 1, signed by both parties and in force since last month. */
    private AgreementFixture signedFirstVersion() {
        AgreementFixture first = new AgreementFixture(root, TODAY.minusMonths(1), TODAY.plusYears(1));
        first.sign("yot-camden", AgreementFixture.dpoKey("yot-camden"));
        first.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        return first;
    }

    /** Version 2 from next month: it also shares the release type. */
    private AgreementFixture secondVersion(AgreementFixture first) {
        String text = AgreementFixture.agreement(NEXT_MONTH, TODAY.plusYears(1)).replace("version: 1", "version: 2")
                .replace("      /body/releaseDate: share", "      /body/releaseDate: share\n"
                        + "      /body/releaseType: share");
        return first.version(2, text);
    }

    private static AgreementStatus status(List<AgreementState> versions, int version, LocalDate day) {
        return versions.get(version - 1).verdict(day).status();
    }

    private static List<Integer> inForce(List<AgreementState> versions, LocalDate day) {
        return versions.stream().filter(state -> state.inForceOn(day)).map(AgreementState::version).toList();
    }

    @Test
    void aSignedNewVersionSupersedesTheLastFromItsFirstDay() {
        AgreementFixture second = secondVersion(signedFirstVersion());
        second.sign("yot-camden", AgreementFixture.dpoKey("yot-camden"));
        second.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        List<AgreementState> versions = second.loadAll();

        assertEquals(List.of(1, 2), versions.stream().map(AgreementState::version).toList());
        assertEquals(AgreementStatus.IN_FORCE, status(versions, 1, TODAY));
        assertEquals(AgreementStatus.NOT_YET_VALID, status(versions, 2, TODAY));
        assertEquals(List.of(1), inForce(versions, TODAY));

        assertEquals(AgreementStatus.SUPERSEDED, status(versions, 1, NEXT_MONTH));
        assertEquals(List.of("superseded from " + NEXT_MONTH + " by a later version"), versions.get(0).verdict(
                NEXT_MONTH).reasons());
        assertEquals(AgreementStatus.IN_FORCE, status(versions, 2, NEXT_MONTH));
        assertEquals(List.of(2), inForce(versions, NEXT_MONTH), "deliveries go under version 2 only");
    }

    @Test
    void aDraftNotSignedByEveryPartyLeavesTheVersionInForceAlone() {
        AgreementFixture second = secondVersion(signedFirstVersion());
        second.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        List<AgreementState> versions = second.loadAll();

        assertEquals(AgreementStatus.PARTLY_SIGNED, status(versions, 2, NEXT_MONTH));
        assertEquals(AgreementStatus.IN_FORCE, status(versions, 1, NEXT_MONTH));
        assertEquals(List.of(1), inForce(versions, NEXT_MONTH));
        assertTrue(versions.get(0).supersededFrom().isEmpty());
    }

    @Test
    void aVersionMustBeWrittenInTheFolderOfItsNumber() {
        AgreementFixture first = signedFirstVersion();
        AgreementFixture misplaced = first.version(3, AgreementFixture.agreement(NEXT_MONTH, TODAY.plusYears(1))
                .replace("version: 1", "version: 2"));
        AgreementState state = misplaced.loadAll().get(1);

        assertEquals(AgreementStatus.INVALID, state.verdict(TODAY).status());
        assertEquals("agreements/release-test/v3/agreement.yaml:2: version 2 must equal the version of its folder, v3",
                state.problems().get(0).toString());
    }

    @Test
    void aFileOutsideAVersionFolderIsReported() throws Exception {
        AgreementFixture first = signedFirstVersion();
        Path stray = root.resolve("agreements/old-layout/agreement.yaml");
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, "id: old-layout\n");
        List<AgreementState> states = first.loadAll();

        AgreementState reported = states.stream().filter(state -> state.id().equals("old-layout")).findFirst()
                .orElseThrow();
        assertEquals(AgreementStatus.INVALID, reported.verdict(TODAY).status());
        assertEquals("agreements/old-layout/agreement.yaml: not a v<version>/agreement.yaml or "
                + "v<version>/signatures/<agency>.p7s", reported.problems().get(0).toString());
    }
}
