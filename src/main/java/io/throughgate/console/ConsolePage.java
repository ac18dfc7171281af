package io.throughgate.console;

/**
 * What the console's layout shows around every page.
 *
 * @param title the page's title
 * @param section the navigation item the page belongs to, or empty
 * @param dpo the DPO's agency, by its name; null on a page for someone who is not a DPO
 * @param agency the DPO's agency's code; empty on a page for someone who is not a DPO
 * @param wholeLog whether the DPO is the partnership's, who sees every agency's sharing
 * @param csrf the token every form repeats
 */
public record ConsolePage(String title, String section, String dpo, String agency, boolean wholeLog,
        String csrf) {

    /** Whether the DPO may change what this agency recorded: their own agency's, or anything for the partnership's. */
    public boolean speaksFor(String recordedBy) {
        return wholeLog || agency.equals(recordedBy);
    }

    /** Whether the navigation item is the current page's. */
    public boolean current(String item) {
        return section.equals(item);
    }
}
