package io.throughgate.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed options of a command: flags ({@code --renew}), options with a value ({@code --dir DIR} or
 * {@code --dir=DIR}) and positional arguments.
 */
public final class CommandOptions {

    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CommandOptions() {
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments after the command's name
     * @param knownFlags the flags the command accepts, e.g. {@code --help}
     * @param knownValues the options that take a value, e.g. {@code --contracts}
     * @throws IllegalArgumentException naming an unknown option or an option without its value
     */
    public static CommandOptions parse(String[] args, Set<String> knownFlags, Set<String> knownValues) {
        CommandOptions options = new CommandOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("-h")) {
                options.flags.add("--help");
            } else if (knownFlags.contains(arg)) {
                options.flags.add(arg);
            } else if (knownValues.contains(name)) {
                String value = arg.contains("=")
                        ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : "";
                if (value.isBlank()) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                options.values.put(name, value);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            } else {
                options.positional.add(arg);
            }
        }
        return options;
    }

    /** Whether a flag was given. */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** An option's value, if given. */
    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    /**
     * An option's value as a whole number within bounds.
     *
     * @return the number given, or the fallback when the option was not given
     * @throws IllegalArgumentException naming the option and the bounds if the value is not a whole number within
     *         them
     */
    public int intValue(String option, int fallback, int least, int most) {
        String text = values.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + ": '" + text + "' is not a whole number from " + least + " to "
                + most);
    }

    /** The positional arguments, in order. */
    public List<String> positional() {
        return List.copyOf(positional);
    }
}
