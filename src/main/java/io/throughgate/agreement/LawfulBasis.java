package io.throughgate.agreement;

import java.util.List;

/**
 * The law an agreement's sharing rests on, as the ICO Data Sharing Code asks it to be stated.
 *
 * @param article6 the UK GDPR Article 6(1) basis, e.g. {@code public-task}
 * @param article9 the Article 9(2) conditions for special category data, e.g. {@code substantial-public-interest}
 * @param schedule1 the DPA 2018 Schedule 1 conditions relied on, e.g. {@code para-18-safeguarding}
 * @param statutoryGateways the legal powers to share, e.g. "Crime and Disorder Act 1998 s115"
 */
public record LawfulBasis(Article6Basis article6, List<String> article9, List<String> schedule1,
        List<String> statutoryGateways) {

    public LawfulBasis {
        article9 = List.copyOf(article9);
        schedule1 = List.copyOf(schedule1);
        statutoryGateways = List.copyOf(statutoryGateways);
    }
}
