package org.binaryconnect.maven;

import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.cli.CliOption;

/** A forked entry point's command line, written with the runtime's own option names ({@link CliOption}). */
final class ChildArguments {

    private final List<String> arguments = new ArrayList<>();

    /** Adds {@code option value}; nothing when the value is null or blank (the entry point's default applies). */
    ChildArguments add(CliOption option, Object value) {
        String text = value == null ? null : String.valueOf(value).trim();
        if (text != null && !text.isEmpty()) {
            arguments.add(option.text());
            arguments.add(text);
        }
        return this;
    }

    ChildArguments addAll(List<String> more) {
        arguments.addAll(more);
        return this;
    }

    List<String> toList() {
        return List.copyOf(arguments);
    }
}
