package io.throughgate.consent.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.failure.Result;

/**
 * Who may make a consent decision for a child: the rules of {@code contracts/consent-policy.yaml}. Exactly one rule
 * applies to each age, so every decision is allowed or refused by a named rule. Immutable and safe to share
 * between threads.
 */
public final class ConsentPolicy {

    /** The file's name inside the contracts folder. */
    public static final String FILE = "consent-policy.yaml";
    /** The JSON pointer a refusal names: the decider's role in a consent decision request. */
    public static final String POINTER = "/decidedBy/role";

    private final List<PolicyRule> rules;
    private final String sha256;

    ConsentPolicy(List<PolicyRule> rules, String sha256) {
        this.rules = List.copyOf(rules);
        this.sha256 = sha256;
    }

    /**
     * Parses the policy file.
     *
     * @param content the file's bytes, UTF-8
     * @throws InvalidContractException listing every problem with its line, including ages that no rule or more
     *         than one rule covers
     */
    public static ConsentPolicy parse(byte[] content) {
        return ConsentPolicyParser.parse(content);
    }

    /**
     * Whether someone may make a consent decision for a child. Pure: the answer depends on the arguments only.
     *
     * @param decider who decides, with the child's competence assessment when one was made; an assessment dated
     *        after {@code onDay} does not count
     * @param dateOfBirth the child's date of birth
     * @param lookedAfter whether the child is looked after by the local authority
     * @param onDay the day of the decision; the child's age is counted on it
     * @return the id of the rule that allows the decision, or a {@link ErrorCode#CONSENT_NOT_ALLOWED} failure at
     *         {@link #POINTER} whose message names the rule, reads it back and says why it refuses
     * @throws IllegalArgumentException if the child was born after {@code onDay}
     */
    public Result<String> mayDecide(Decider decider, LocalDate dateOfBirth, boolean lookedAfter, LocalDate onDay) {
        PolicyRule rule = ruleFor(ageOn(dateOfBirth, onDay));
        Circumstances facts = new Circumstances(lookedAfter, decider.competence(), onDay);
        Optional<String> firstReason = Optional.empty();
        for (AllowedDecider entry : rule.mayDecide()) {
            if (entry.role() == decider.role()) {
                Optional<String> reason = entry.unmetBecause(facts);
                if (reason.isEmpty()) {
                    return Result.success(rule.id());
                }
                firstReason = firstReason.or(() -> reason);
            }
        }
        String because = firstReason.orElse("this rule does not let them");
        return Result.failure(new Failure(ErrorCode.CONSENT_NOT_ALLOWED, "refused by rule " + rule.id() + ": "
                + rule.says() + "; here " + words(decider.role()) + " may not decide, because " + because, POINTER));
    }

    /**
     * A child's age in whole years on a day: a child is 16 on their 16th birthday. A child born on 29 February
     * turns a year older on 1 March in other years, so is never taken to be older than they are.
     *
     * @throws IllegalArgumentException if the child was born after the day
     */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        if (dateOfBirth.isAfter(day)) {
            throw new IllegalArgumentException("date of birth " + dateOfBirth + " is after the day " + day);
        }
        // Period counts whole months by calendar, so 29 February to 28 February of a common year is short of a year.
        return Period.between(dateOfBirth, day).getYears();
    }

    /** The rule that covers a child of this age; the parser guarantees there is exactly one. */
    public PolicyRule ruleFor(int age) {
        return rules.stream().filter(rule -> rule.covers(age)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule covers age " + age));
    }

    /** The rule with this id, or empty. */
    public Optional<PolicyRule> find(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** Every rule, in file order. */
    public List<PolicyRule> rules() {
        return rules;
    }

    /** The hex SHA-256 of the file this was parsed from, so a decision can record which policy allowed it. */
    public String sha256() {
        return sha256;
    }

    private static String words(DeciderRole role) {
        return switch (role) {
            case CHILD -> "the child";
            case PARENTAL_RESPONSIBILITY -> "a person with parental responsibility";
            case LOCAL_AUTHORITY -> "the local authority";
        };
    }
}
