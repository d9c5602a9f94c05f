package org.sunshinehub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.core.ThrowingRunnable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerPortFileWriter;
import org.sunshinehub.SunshineHubApplication;

/**
 * The hub in a JVM of its own, so a test can kill it with SIGKILL (kill -9) and start it again. Close it (try
 * with resources): the JVM is ended also when a test or a wait fails.
 */
public final class HubProcess implements AutoCloseable {

    /** Seconds on an idle machine; over 5 minutes (20,000 demo subscribers) at load 60 on 2 cores. */
    private static final Duration START = Duration.ofMinutes(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path log;
    private final Path portFile;
    private final List<String> args;
    private ChildJvm child;
    private int port;

    public HubProcess(Path home, String... args) {
        this.log = home.resolve("hub.log");
        this.portFile = home.resolve("hub.port");
        // Port 0 and the port the hub writes once it listens: no port picked here can be taken in between.
        this.args = new ArrayList<>(List.of(portFile.toString(), "--spring.profiles.active=test", "--server.port=0",
                "--sunshine.data-dir=" + home.resolve("data"), "--sunshine.inbox-dir=" + home.resolve("inbox"),
                "--sunshine.routes-dir=" + Path.of("routes").toAbsolutePath(),
                "--sunshine.config-dir=" + Path.of("config").toAbsolutePath(),
                "--sunshine.api.keys=" + TestHub.API_KEY));
        this.args.addAll(List.of(args));
    }

    /** Starts the hub and waits until it is healthy, as long as that takes up to a generous bound. */
    public void start() {
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        child = ChildJvm.start(HubProcess.class, log, List.of("-Xmx1g"), args);
        child.await("the port file " + portFile, START, () -> assertThat(portFile).isNotEmptyFile());
        try {
            port = Integer.parseInt(Files.readString(portFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("health UP on port " + port, START, () -> assertThat(get("/actuator/health").statusCode()).isEqualTo(200));
    }

    /**
     * Polls {@code assertion} up to {@code bound} until it passes; fails at once if the hub has died, showing
     * the end of its log.
     */
    public void await(String what, Duration bound, ThrowingRunnable assertion) {
        child.await(what, bound, assertion);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        child.kill();
    }

    @Override
    public void close() {
        if (child != null) {
            child.close();
        }
    }

    /** The child's main: the hub, writing its port to the file named by the first argument once it listens. */
    public static void main(String[] args) {
        WebServerPortFileWriter portWriter = new WebServerPortFileWriter(Path.of(args[0]).toFile());
        SpringApplication.withHook(application -> {
            application.addListeners(portWriter);
            return null;
        }, () -> SunshineHubApplication.main(Arrays.copyOfRange(args, 1, args.length)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Api-Key", TestHub.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Api-Key", TestHub.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
