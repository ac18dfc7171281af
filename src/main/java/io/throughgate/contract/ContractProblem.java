package io.throughgate.contract;

/**
 * One thing wrong with a contract file, located so that the person fixing it can go straight to it.
 *
 * @param file the file, as a path relative to the contracts folder (e.g. {@code agencies.yaml})
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param entry the entry the problem concerns (e.g. {@code entry 7 (yot-camden)}), or empty
 * @param message what is wrong, naming the field and the rule it breaks
 */
public record ContractProblem(String file, int line, String entry, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (!entry.isEmpty()) {
            text.append(", ").append(entry);
        }
        return text.append(": ").append(message).toString();
    }
}
