package io.tlsmachine.verification.interop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds the external interop peers, and checks the open-file limit the load test needs. A missing peer (or too low a
 * limit) fails the test when the environment variable {@code CI} is {@code true} (CI installs openssl and gnutls-bin,
 * and raises the limit) and skips it with a message otherwise.
 */
final class Peers {
    private static final ConcurrentHashMap<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private Peers() {
    }

    /** Requires {@code openssl} (OpenSSL 3). */
    static void requireOpenssl() {
        require("openssl", List.of("openssl", "version"), "apt-get install openssl");
    }

    /** Requires {@code curl} (with TLS 1.3). */
    static void requireCurl() {
        require("curl", List.of("curl", "--version"), "apt-get install curl");
    }

    /**
     * Requires that this JVM may open {@code count} files (sockets) at once; the JVM raises its soft limit to the hard
     * one, so that is {@code ulimit -Hn}, which {@code .ci/run} raises.
     */
    static void requireOpenFiles(long count) {
        long limit = ((com.sun.management.UnixOperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        report(limit >= count, "an open-file limit of " + count + " (ulimit -n is " + limit + ")",
                "ulimit -n " + count + " or more");
    }

    /** Requires {@code gnutls-cli} and {@code gnutls-serv}. */
    static void requireGnutls() {
        require("gnutls-cli", List.of("gnutls-cli", "--version"), "apt-get install gnutls-bin");
        require("gnutls-serv", List.of("gnutls-serv", "--version"), "apt-get install gnutls-bin");
    }

    /** Requires Node.js 26 (its OpenSSL 3.5 has X25519MLKEM768); {@code .ci/run} installs it, see {@link NodeTls}. */
    static void requireNode() {
        require("node 26", NodeTls.probe(), "npm install --prefix ~/.cache/tlsmachine/node node@26, as .ci/run does");
    }

    /** Requires {@code unshare -rn} (a private, loopback-only network namespace) for gnutls-serv. */
    static void requirePrivateNetworkNamespace() {
        require("unshare -rn", List.of("unshare", "-rn", "ip", "link", "set", "lo", "up"),
                "util-linux and iproute2, and unprivileged user namespaces (or root)");
    }

    private static void require(String name, List<String> probe, String install) {
        report(AVAILABLE.computeIfAbsent(name, n -> runs(probe)), name, install);
    }

    private static void report(boolean present, String name, String install) {
        if (present) {
            return;
        }
        String message = name + " is not available (" + install + ")";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + ": CI must run every interop peer");
        }
        assumeTrue(false, message + "; skipped locally, CI installs it");
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
