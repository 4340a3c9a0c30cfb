package org.binaryconnect.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names of a dataset's classes: the user's ({@code classNames}), else a known dataset's own (asked for by name,
 * read in the CIFAR-10 format, or in a directory named as a known dataset, as Debian's /usr/share/datasets and the
 * download cache name theirs), else none.
 */
public final class ClassNames {

    private ClassNames() {
    }

    /**
     * The names in {@code text}, separated by commas, each trimmed: how the {@code classNames} option is written.
     *
     * @throws IllegalArgumentException in one sentence, for an empty name or two equal ones
     */
    public static List<String> parse(String text) {
        List<String> names = new ArrayList<>();
        for (String name : text.split(",", -1)) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("classNames '" + text + "' has an empty name at position "
                        + (names.size() + 1) + ": give one name per class, in label order, separated by commas.");
            }
            if (names.contains(trimmed)) {
                throw new IllegalArgumentException("classNames '" + text + "' names two classes " + trimmed
                        + ": give each class its own name.");
            }
            names.add(trimmed);
        }
        return List.copyOf(names);
    }

    /**
     * The names for a network of {@code classes} classes trained on what {@code request} resolved to.
     *
     * @throws DataException when the user's names are not one per class
     */
    static List<String> of(DatasetRequest request, ResolvedDataset resolved, int classes) {
        List<String> given = request.classNames();
        if (!given.isEmpty()) {
            if (given.size() != classes) {
                throw new DataException("classNames gives " + given.size() + " names but the network predicts "
                        + classes + " classes: give one name per class, in label order, separated by commas.");
            }
            return given;
        }
        List<String> known = known(request, resolved).map(KnownDataset::classNames).orElse(List.of());
        return known.size() == classes ? known : List.of();
    }

    private static Optional<KnownDataset> known(DatasetRequest request, ResolvedDataset resolved) {
        if (resolved.format() == DatasetFormat.CIFAR10) {
            return Optional.of(KnownDataset.CIFAR10);
        }
        if (request.emnistSplit() != null) {
            return Optional.empty();
        }
        Optional<KnownDataset> named = KnownDataset.named(request.source());
        if (named.isPresent()) {
            return named;
        }
        Path name = resolved.location().getFileName();
        return name == null ? Optional.empty() : KnownDataset.named(name.toString());
    }
}
