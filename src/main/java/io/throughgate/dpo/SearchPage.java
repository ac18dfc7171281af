package io.throughgate.dpo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.throughgate.sharinglog.IndexedEntry;
import io.throughgate.sharinglog.SharingLogQueries;

/**
 * A page of a sharing-log search.
 *
 * @param entries the entries, in log order
 * @param next pass as {@code after} for the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(List<IndexedEntry> entries, Long next) {

    static SearchPage of(SharingLogQueries.Page page) {
        return new SearchPage(page.entries(), page.next().orElse(null));
    }
}
