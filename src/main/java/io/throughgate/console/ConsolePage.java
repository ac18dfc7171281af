package io.throughgate.console;

/**
 * What the console's layout shows around every page.
 *
 * @param title the page's title
 * @param section the navigation item the page belongs to, or empty
 * @param dpo the DPO's agency, by its name; null on a page for someone who is not a DPO
 * @param wholeLog whether the DPO is the partnership's, who sees every agency's sharing
 * @param csrf the token every form repeats
 */
public record ConsolePage(String title, String section, String dpo, boolean wholeLog, String csrf) {

    /** Whether the navigation item is the current page's. */
    public boolean current(String item) {
        return section.equals(item);
    }
}
