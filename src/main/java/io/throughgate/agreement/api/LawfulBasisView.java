package io.throughgate.agreement.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.throughgate.agreement.Article9Condition;
import io.throughgate.agreement.LawfulBasis;
import io.throughgate.agreement.Schedule1Condition;

/**
 * The law an agreement's sharing rests on, with the W3C DPV terms where DPV has them.
 *
 * @param article6 the UK GDPR Article 6(1) basis
 * @param article9 the Article 9(2) conditions for special category data
 * @param schedule1 the DPA 2018 Schedule 1 conditions, which DPV does not cover, described in words
 * @param statutoryGateways the legal powers to share, as written
 */
@Schema(name = "LawfulBasis", description = "The law the sharing rests on, with DPV terms where DPV has them.")
public record LawfulBasisView(
        Term article6,
        List<Term> article9,
        List<Term> schedule1,
        @Schema(examples = "[\"Crime and Disorder Act 1998 s115\"]") List<String> statutoryGateways) {

    /** The prefix of the DPV GDPR extension's terms (https://w3id.org/dpv/legal/eu/gdpr#). */
    public static final String DPV_GDPR = "dpv-gdpr:";

    /**
     * One legal basis or condition.
     *
     * @param code the word used in agreement files, e.g. {@code public-task}
     * @param dpvTerm the DPV term, e.g. {@code dpv-gdpr:A6-1-e}; absent where DPV has none (Schedule 1)
     * @param description what it is, in words; absent where the DPV term says it
     */
    @Schema(name = "LegalTerm", description = "One legal basis or condition.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(
            @Schema(examples = "public-task") String code,
            @Schema(examples = "dpv-gdpr:A6-1-e") String dpvTerm,
            String description) {
    }

    /** The view of a lawful basis. */
    public static LawfulBasisView of(LawfulBasis basis) {
        Term article6 = new Term(basis.article6().code(), DPV_GDPR + basis.article6().dpvTerm(), null);
        return new LawfulBasisView(article6,
                terms(basis.article9(), Article9Condition::fromCode,
                        condition -> new Term(condition.code(), DPV_GDPR + condition.dpvTerm(), null)),
                terms(basis.schedule1(), Schedule1Condition::fromCode,
                        condition -> new Term(condition.code(), null, condition.description())),
                basis.statutoryGateways());
    }

    // The parser refuses unknown codes, so a code that does not resolve cannot occur; it is kept, bare, regardless.
    private static <C> List<Term> terms(List<String> codes, Function<String, Optional<C>> lookup,
            Function<C, Term> term) {
        return codes.stream().map(code -> lookup.apply(code).map(term).orElse(new Term(code, null, null))).toList();
    }
}
