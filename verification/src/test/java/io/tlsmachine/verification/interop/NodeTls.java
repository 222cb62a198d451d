package io.tlsmachine.verification.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node.js 26 as interop peer: its {@code tls} module links OpenSSL 3.5, which has the ML-KEM hybrid groups
 * (the Debian {@code openssl} here is 3.0 and has none). {@code .ci/run} installs it with {@code npm install node@26}
 * into {@code ~/.cache/tlsmachine/node}; {@code TLSM_NODE} names another binary. Each peer is a short script
 * run with {@code node -e}, talking the echo protocol of {@link OurClient} and {@link OurServer}.
 */
final class NodeTls {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern PORT = Pattern.compile("PORT (\\d+)");

    /** Accepts one connection; echoes its first line as {@code "echo: " + line}, then closes (close_notify). */
    private static final String ECHO_SERVER = """
            const tls = require('tls'), fs = require('fs');
            const [key, cert, groups] = process.argv.slice(1);
            const options = {key: fs.readFileSync(key), cert: fs.readFileSync(cert), minVersion: 'TLSv1.3'};
            if (groups !== 'default') options.ecdhCurve = groups;
            const server = tls.createServer(options, socket => {
              let text = '';
              socket.on('data', data => {
                text += data;
                const end = text.indexOf('\\n');
                if (end >= 0) { socket.end('echo: ' + text.slice(0, end + 1)); server.close(); }
              });
              socket.on('error', e => console.log('ERROR ' + e.message));
            });
            server.on('tlsClientError', e => console.log('ERROR ' + e.message));
            server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
            """;

    /** Connects, prints the group OpenSSL negotiated, sends one line, prints what came back when the server closes. */
    private static final String ECHO_CLIENT = """
            const tls = require('tls'), fs = require('fs');
            const [port, ca, host, groups] = process.argv.slice(1);
            const options = {host: '127.0.0.1', port: +port, servername: host, ca: fs.readFileSync(ca), minVersion: 'TLSv1.3'};
            if (groups !== 'default') options.ecdhCurve = groups;
            const socket = tls.connect(options, () => {
              console.log('GROUP ' + socket.getEphemeralKeyInfo().name + ' ' + socket.getProtocol());
              socket.write('hello from node\\n');
            });
            let text = '';
            socket.on('data', data => text += data);
            socket.on('end', () => console.log('RECEIVED ' + JSON.stringify(text)));
            socket.on('error', e => { console.log('ERROR ' + e.message); process.exit(1); });
            """;

    private NodeTls() {
    }

    /** A Node TLS server and the port it listens on. */
    record Server(PeerProcess process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    /** Starts a Node echo server with {@code files}' leaf and key; {@code groups} is its ecdhCurve, or "default". */
    static Server server(InteropPki.PemFiles files, String groups) throws IOException, InterruptedException {
        PeerProcess process = PeerProcess.start(List.of(binary(), "-e", ECHO_SERVER, files.key().toString(),
                files.leafAndChain().toString(), groups));
        process.awaitOutput(out -> PORT.matcher(out).find(), TIMEOUT);
        Matcher port = PORT.matcher(process.output());
        port.find();
        return new Server(process, Integer.parseInt(port.group(1)));
    }

    /** Runs a Node client against 127.0.0.1:{@code port} to completion and returns what it printed. */
    static String client(int port, InteropPki.PemFiles files, String groups) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary(), "-e", ECHO_CLIENT, Integer.toString(port),
                files.root().toString(), InteropPki.HOST, groups));
        try (PeerProcess process = PeerProcess.start(command)) {
            process.awaitOutput(out -> out.contains("RECEIVED ") || out.contains("ERROR "), TIMEOUT);
            return process.output();
        }
    }

    /** The node binary: {@code TLSM_NODE}, else the one {@code .ci/run} installs. */
    static String binary() {
        String configured = System.getenv("TLSM_NODE");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tlsmachine", "node", "node_modules", ".bin", "node")
                .toString();
    }

    /** A command that succeeds when {@link #binary()} is Node.js 26 or later (whose OpenSSL, 3.5+, has ML-KEM). */
    static List<String> probe() {
        return List.of(binary(), "-e", "process.exit(+process.versions.node.split('.')[0] >= 26 ? 0 : 1)");
    }

}
