package io.throughgate.timeliness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.record.NoticeType;

/**
 * The partnership's deadlines for a child's resettlement, read from {@code contracts/timeliness.yaml}.
 *
 * @param anchors where each anchor's date comes from, in the order the file lists them
 * @param noticesFrom the agency in whose name the hub sends timeliness notices and digests
 * @param digestTo the agency sent the daily digest of milestones at risk or missed
 * @param calendar the working days of England and Wales the file covers
 * @param milestones the milestones, in the file's order
 * @param sha256 the hex SHA-256 of the file
 */
public record TimelinessContract(Map<Anchor, List<DateSource>> anchors, String noticesFrom, String digestTo,
        WorkingDays calendar,
        List<Milestone> milestones, String sha256) {

    /** The file's path within the contracts folder. */
    public static final String FILE = "timeliness.yaml";

    public TimelinessContract {
        anchors = Map.copyOf(anchors);
        milestones = List.copyOf(milestones);
    }

    /**
     * Reads the file, checking every record type and field it names against the record schemas and the digest's
     * recipient against the directory.
     *
     * @throws io.throughgate.contract.InvalidContractException with every problem and its line
     */
    public static TimelinessContract parse(byte[] content, RecordFieldCatalog fields, AgencyDirectory directory) {
        return new TimelinessContractParser(fields, directory).read(content);
    }

    /** The milestone with this id. */
    public Optional<Milestone> milestone(String id) {
        return milestones.stream().filter(milestone -> milestone.id().equals(id)).findFirst();
    }

    /**
     * What to say for each kind of notice that no agreement carries from {@link #noticesFrom}: the hub would work
     * such notices out and send none.
     *
     * @param agreements the agreements (in force or not: the linter reads files)
     * @param directory the agency directory
     */
    public List<String> noticesWithoutFlow(List<Agreement> agreements, AgencyDirectory directory) {
        List<String> problems = new java.util.ArrayList<>();
        Optional<io.throughgate.directory.Agency> sender = directory.find(noticesFrom);
        for (NoticeType type : NoticeType.values()) {
            boolean carried = sender.isPresent() && agreements.stream().flatMap(agreement -> agreement.flows()
                    .stream()).anyMatch(flow -> flow.recordTypes().contains(type.code())
                            && flow.senders().includes(
                                    sender.get()));
            if (!carried) {
                problems.add("no agreement has a flow carrying " + type.code() + " records from " + noticesFrom
                        + ": the hub would send none");
            }
        }
        return problems;
    }

    /**
     * What to say when the bank holidays end within a year of a day: deadlines in working days cannot be counted
     * beyond them, so the list needs the next year's before then.
     */
    public Optional<String> calendarEndingSoon(LocalDate today) {
        if (calendar.to().isBefore(today.plusYears(1))) {
            return Optional.of("bankHolidays end on " + calendar.to() + ", within a year: add the next year's bank "
                    + "holidays of England and Wales from GOV.UK");
        }
        return Optional.empty();
    }
}
