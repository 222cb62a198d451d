package io.tlsmachine.cli;

/** A subcommand contributed by another module (found with {@link java.util.ServiceLoader}). */
public interface CliSubcommand {
    /** The subcommand's name, e.g. {@code check}. */
    String name();

    /** A picocli command object (annotated with {@code @Command}). */
    Object command();
}
