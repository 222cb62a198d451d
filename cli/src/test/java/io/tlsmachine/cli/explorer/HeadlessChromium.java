package io.tlsmachine.cli.explorer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Drives a headless Chromium over the DevTools protocol (a WebSocket from {@code java.net.http}): opens a page,
 * evaluates JavaScript, clicks at a point, types text and takes screenshots.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1400,900", "--remote-debugging-port=0");
    private static final Pattern PAGE_SOCKET =
            Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"");
    private static final Pattern RESPONSE_ID = Pattern.compile("^\\{\"id\":(\\d+),");
    private static final Pattern STRING_VALUE = Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DATA = Pattern.compile("\"data\":\"([^\"]*)\"");

    private final Process process;
    private final Path userDataDir;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> replies;

    private HeadlessChromium(Process process, Path userDataDir, WebSocket socket,
            Map<Integer, CompletableFuture<String>> replies) {
        this.process = process;
        this.userDataDir = userDataDir;
        this.socket = socket;
        this.replies = replies;
    }

    /** Returns the Chromium executable, if one is installed. */
    static Optional<Path> executable() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts Chromium with a fresh profile on {@code url} and connects to that page's DevTools socket. */
    static HeadlessChromium open(Path chromium, URI url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("tlsm-chromium");
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add(url.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(profile);
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher page = PAGE_SOCKET.matcher(targets);
            if (!page.find()) {
                throw new IOException("no page target in " + targets);
            }
            Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), new Replies(pending))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new HeadlessChromium(process, profile, socket, pending);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("cannot connect to Chromium's DevTools socket", e);
        }
    }

    /** Sends a DevTools command ({@code params} a JSON object) and returns the raw JSON reply. */
    String call(String method, String params) throws IOException {
        int id = nextId.incrementAndGet();
        CompletableFuture<String> reply = replies.computeIfAbsent(id, k -> new CompletableFuture<>());
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true);
        try {
            String text = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (text.contains("\"error\":")) {
                throw new IOException(method + " failed: " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no reply to " + method, e);
        } finally {
            replies.remove(id);
        }
    }

    /** Evaluates {@code expression} in the page and returns its value converted with {@code String(...)}. */
    String evaluate(String expression) throws IOException {
        String reply = call("Runtime.evaluate", "{\"expression\":" + quote("String(" + expression + ")")
                + ",\"returnByValue\":true}");
        Matcher m = STRING_VALUE.matcher(reply);
        if (!m.find()) {
            throw new IOException("no string value in " + reply);
        }
        return unquote(m.group(1));
    }

    /** Waits until {@code condition} evaluates to {@code true} in the page. */
    void waitFor(String condition) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!"true".equals(evaluate("!!(" + condition + ")"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("timed out waiting for " + condition);
            }
            Thread.sleep(100);
        }
    }

    /** Clicks with the left mouse button at the centre of the element {@code elementExpression} evaluates to. */
    void click(String elementExpression) throws IOException {
        String centre = evaluate("(() => { const e = " + elementExpression + "; e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect();"
                + " return (r.x + r.width / 2) + ',' + (r.y + r.height / 2); })()");
        String[] xy = centre.split(",");
        for (String type : List.of("mousePressed", "mouseReleased")) {
            call("Input.dispatchMouseEvent", "{\"type\":\"" + type + "\",\"x\":" + xy[0] + ",\"y\":" + xy[1]
                    + ",\"button\":\"left\",\"clickCount\":1}");
        }
    }

    /** Types {@code text} into the focused element. */
    void type(String text) throws IOException {
        call("Input.insertText", "{\"text\":" + quote(text) + "}");
    }

    /** Returns a PNG screenshot of the viewport. */
    byte[] screenshot() throws IOException {
        Matcher m = DATA.matcher(call("Page.captureScreenshot", "{\"format\":\"png\"}"));
        if (!m.find()) {
            throw new IOException("no screenshot data");
        }
        return Base64.getDecoder().decode(m.group(1));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(userDataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int devToolsPort(Path profile) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("Chromium wrote no DevToolsActivePort; its log: "
                + Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String unquote(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** Collects the socket's text frames and completes the pending call whose id a reply carries. */
    private static final class Replies implements WebSocket.Listener {
        private final Map<Integer, CompletableFuture<String>> pending;
        private final StringBuilder frame = new StringBuilder();

        Replies(Map<Integer, CompletableFuture<String>> pending) {
            this.pending = pending;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                String message = frame.toString();
                frame.setLength(0);
                Matcher id = RESPONSE_ID.matcher(message);
                if (id.find()) {
                    pending.computeIfAbsent(Integer.parseInt(id.group(1)), k -> new CompletableFuture<>())
                            .complete(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
