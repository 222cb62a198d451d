package io.tlsmachine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a PEM file given on the command line before it is loaded, so that the user is told what is wrong with it. */
final class PemFiles {
    /** The first byte of a DER encoding: an ASN.1 SEQUENCE. */
    private static final int DER_SEQUENCE = 0x30;

    private PemFiles() {
    }

    /** What a PEM file holds: decides the openssl command that converts a DER file. */
    enum Content {
        CERTIFICATES("x509"), KEY("pkey");

        private final String opensslCommand;

        Content(String opensslCommand) {
            this.opensslCommand = opensslCommand;
        }
    }

    /**
     * Returns {@code file} when it exists, is readable and is not DER.
     *
     * @throws CliFailure ({@link ExitStatus#FILE}) naming the problem and, for DER, the conversion command
     */
    static Path check(Path file, Content content) {
        if (!Files.exists(file)) {
            throw new CliFailure(ExitStatus.FILE, "no such file: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliFailure(ExitStatus.FILE, "cannot read " + file + ": not a readable file");
        }
        int first;
        try (InputStream in = Files.newInputStream(file)) {
            first = in.read();
        } catch (IOException e) {
            throw new CliFailure(ExitStatus.FILE, "cannot read " + file + ": " + FailureReport.joinedMessages(e), e);
        }
        if (first == DER_SEQUENCE) {
            throw new CliFailure(ExitStatus.FILE, file + " is DER, not PEM: convert with openssl "
                    + content.opensslCommand + " -inform der -in " + file + " -out " + file + ".pem");
        }
        return file;
    }
}
