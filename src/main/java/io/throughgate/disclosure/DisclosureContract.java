package io.throughgate.disclosure;

import java.util.EnumMap;
import java.util.Map;

/**
 * How the hub protects what it publishes, read from {@code contracts/disclosure.yaml}: the small-number rule of each
 * table of counts, and the k of the evaluation's record-level extract.
 *
 * @param rules each published table's rule
 * @param extract how the record-level extract is made k-anonymous
 * @param sha256 the hex SHA-256 of the file
 */
public record DisclosureContract(Map<PublishedTable, DisclosureRule> rules, ExtractRule extract, String sha256) {

    /**
     * How the evaluation's record-level extract is made k-anonymous.
     *
     * @param k the least number of children who share every quasi-identifier of a row
     * @param suppressUpToPercent the largest share of children, in percent, left out rather than every row
     *        generalised further
     * @param subRegions each London borough's YOT's sub-region, the level above the borough
     */
    public record ExtractRule(int k, int suppressUpToPercent, Map<String, String> subRegions) {

        public ExtractRule {
            subRegions = Map.copyOf(subRegions);
        }
    }

    /** The file's path within the contracts folder. */
    public static final String FILE = "disclosure.yaml";
    /** The k of the extract when the file does not give one. */
    public static final int DEFAULT_K = 5;
    /** The share of children the extract may leave out when the file does not say, in percent. */
    public static final int DEFAULT_SUPPRESS_UP_TO_PERCENT = 5;

    public DisclosureContract {
        rules = new EnumMap<>(rules);
        for (PublishedTable table : PublishedTable.values()) {
            if (!rules.containsKey(table)) {
                throw new IllegalArgumentException("no rule for table " + table.code());
            }
        }
    }

    /**
     * Reads the file.
     *
     * @throws io.throughgate.contract.InvalidContractException with every problem and its line
     */
    public static DisclosureContract parse(byte[] content) {
        return new DisclosureContractParser().read(content);
    }

    /** The rule a table is published under. */
    public DisclosureRule rule(PublishedTable table) {
        return rules.get(table);
    }
}
