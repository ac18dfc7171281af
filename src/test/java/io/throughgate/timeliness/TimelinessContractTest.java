package io.throughgate.timeliness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.InvalidContractException;

/** {@code contracts/timeliness.yaml} as the hub and the linter read it, and every mistake found with its line. */
class TimelinessContractTest {

    @Test
    void theShippedContractHasTheMilestonesOfThePartnership() {
        TimelinessContract contract = TimelinessContracts.shipped();
        assertEquals(List.of("initial-planning-meeting", "pre-release-planning-meeting", "accommodation-confirmed",
                "release-notification-sent", "ete-appointment-booked", "health-appointment-booked"),
                contract
                        .milestones().stream().map(Milestone::id).toList());
        Milestone initial = contract.milestone("initial-planning-meeting").orElseThrow();
        assertEquals(new Due(Anchor.ADMISSION, 10, true), initial.due(), "10 working days after admission");
        assertEquals(new Due(Anchor.RELEASE, 14, false), contract.milestone("accommodation-confirmed").orElseThrow()
                .due(), "at least 14 days before release");
        assertEquals("partnership-london-resettlement", contract.noticesFrom());
        assertEquals("partnership-london-resettlement", contract.digestTo());
        assertEquals(LocalDate.of(2028, 12, 31), contract.calendar().to());
        // Eight bank holidays a year in England and Wales, 2025 to 2028.
        assertEquals(32, contract.calendar().bankHolidays().size());
    }

    @Test
    void theLinterWarnsAYearBeforeTheBankHolidaysRunOut() {
        TimelinessContract contract = TimelinessContracts.shipped();
        assertTrue(contract.calendarEndingSoon(LocalDate.of(2026, 12, 3)).isEmpty());
        assertTrue(contract.calendarEndingSoon(LocalDate.of(2028, 1, 1)).orElseThrow().contains("2028-12-31"));
    }

    /** With no agreement carrying notices from the partnership, the linter says the hub would send none. */
    @Test
    void noticesThatNoAgreementCarriesAreAProblem() {
        TimelinessContract contract = TimelinessContracts.shipped();
        assertEquals(List.of("no agreement has a flow carrying timeliness-notice records from "
                + "partnership-london-resettlement: the hub would send none",
                "no agreement has a flow carrying timeliness-digest records from partnership-london-resettlement: "
                        + "the hub would send none",
                "no agreement has a flow carrying evaluation-tables records from partnership-london-resettlement: "
                        + "the hub would send none",
                "no agreement has a flow carrying evaluation-extract records from partnership-london-resettlement: "
                        + "the hub would send none"),
                contract.noticesWithoutFlow(List.of(), TimelinessContracts.DIRECTORY));
    }

    @Test
    void everyMistakeIsReportedWithItsLine() {
        String yaml = """
                anchors:
                  admission:
                    - {recordType: custody-admission, date: /body/admittedOn}
                  release:
                    - {recordType: release-notification, date: /body/releaseDate}
                notices: {from: partnership-london-resettlement, digestTo: yot-atlantis}
                bankHolidays:
                  region: england-and-wales
                  from: 2026-01-01
                  to: 2026-12-31
                  dates: [2026-12-26]
                milestones:
                  - id: accommodation-confirmed
                    title: Accommodation confirmed
                    due: {daysBeforeRelease: 14, workingDaysAfterAdmission: 10}
                    metBy:
                      - {recordType: release-notice, date: received}
                    atRiskDaysBefore: 14
                    tell: [responsible-yot, the-mayor]
                    remindEveryDays: 0
                """;
        InvalidContractException failure = assertThrows(InvalidContractException.class, () -> TimelinessContracts
                .parse(yaml));
        List<ContractProblem> problems = failure.problems();
        assertProblem(problems, 3, "field /body/admittedOn is not in the schema of custody-admission");
        assertProblem(problems, 6, "agency 'yot-atlantis' is not in the directory");
        assertProblem(problems, 11, "2026-12-26 is a saturday");
        assertProblem(problems, 15, "'due' must give exactly one of");
        assertProblem(problems, 17, "record type 'release-notice' has no schema");
        assertProblem(problems, 19, "'the-mayor' is not one of responsible-yot, establishment");
        assertProblem(problems, 20, "'remindEveryDays' must be 1 or more");
        assertEquals(7, problems.size(), problems.toString());
    }

    private static void assertProblem(List<ContractProblem> problems, int line, String message) {
        assertTrue(problems.stream().anyMatch(problem -> problem.line() == line && problem.message().contains(
                message)), "line " + line + ": " + message + " in " + problems);
    }
}
