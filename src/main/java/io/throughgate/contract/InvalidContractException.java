package io.throughgate.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a contract file the hub cannot run without (the agency directory, a record schema) is malformed.
 * The message lists every problem found, each with its file, line and entry, so one start-up attempt shows all of
 * them.
 */
public final class InvalidContractException extends RuntimeException {

    private final transient List<ContractProblem> problems;

    public InvalidContractException(List<ContractProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, in file order. */
    public List<ContractProblem> problems() {
        return problems;
    }

    private static String describe(List<ContractProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the contracts:"
                + problems.stream().map(problem -> "\n  " + problem).collect(Collectors.joining());
    }
}
