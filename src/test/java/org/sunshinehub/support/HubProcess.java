package org.sunshinehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.sunshinehub.SunshineHubApplication;

/** The hub in a JVM of its own, so a test can kill it with SIGKILL (kill -9) and start it again. */
public final class HubProcess {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    public HubProcess(Path home, String... args) {
        this.port = freePort();
        this.log = home.resolve("hub.log");
        command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), SunshineHubApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=" + port,
                "--sunshine.data-dir=" + home.resolve("data"), "--sunshine.inbox-dir=" + home.resolve("inbox"),
                "--sunshine.routes-dir=" + Path.of("routes").toAbsolutePath(),
                "--sunshine.config-dir=" + Path.of("config").toAbsolutePath(),
                "--sunshine.api.keys=" + TestHub.API_KEY));
        command.addAll(List.of(args));
    }

    public void start() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // generous: on a loaded 2-core machine a fresh JVM seeding 20,000 subscribers can take over a minute
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> get("/actuator/health").statusCode() == 200);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
