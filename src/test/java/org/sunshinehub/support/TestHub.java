package org.sunshinehub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.StaffAccounts;

/**
 * The real application on a random port with the embedded durable database, in a workspace of its own
 * (data, inbox, routes and config copied from the repository), driven over HTTP like any client would.
 */
public final class TestHub implements AutoCloseable {

    public static final String API_KEY = "test-key";
    public static final String APP_KEY = "test-app-key";
    /**
     * How long a wait for the hub may take before it counts as failed: generous, as a loaded machine can be many
     * times slower than an idle one; a wait still ends as soon as its condition holds.
     */
    public static final Duration PATIENCE = Duration.ofMinutes(2);
    /** The password of every staff account a test creates with {@link #staff}. */
    public static final String STAFF_PASSWORD = "test-password-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestHub shared;

    static {
        // for the waits that name no bound of their own
        Awaitility.setDefaultTimeout(PATIENCE);
    }

    private final Path home;
    private final List<String> args;
    private ConfigurableApplicationContext context;

    private TestHub(Path home, List<String> args) {
        this.home = home;
        this.args = args;
    }

    /** One hub for the test classes that only talk to its API; stopped when the test JVM exits. */
    public static synchronized TestHub shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Starts a hub in a new workspace; {@code extraArgs} are {@code --key=value} options. */
    public static TestHub start(String... extraArgs) {
        try {
            Path home = Files.createTempDirectory("sunshine-hub-test");
            copyTree(Path.of("routes"), home.resolve("routes"));
            copyTree(Path.of("config"), home.resolve("config"));
            List<String> args = new ArrayList<>(List.of(
                    "--spring.profiles.active=test",
                    "--server.port=0",
                    "--sunshine.data-dir=" + home.resolve("data"),
                    "--sunshine.inbox-dir=" + home.resolve("inbox"),
                    "--sunshine.routes-dir=" + home.resolve("routes"),
                    "--sunshine.config-dir=" + home.resolve("config"),
                    "--sunshine.api.keys=" + API_KEY,
                    "--sunshine.feed-tick=200ms",
                    "--sunshine.inbox-poll-interval=200",
                    "--sunshine.dispatch.poll-interval=50ms",
                    "--sunshine.dispatch.backoff-initial=200ms",
                    "--sunshine.dispatch.backoff-max=1s",
                    "--sunshine.sandbox.receipt-delay=50ms",
                    "--sunshine.opinion-tasks.timer-interval=200ms",
                    "--sunshine.sandbox.repush-delays=200ms,500ms,1s",
                    "--sunshine.app.api-keys=" + APP_KEY,
                    "--sunshine.app.jpush.timeout=1s",
                    "--sunshine.dispatch.hold-retry=1s",
                    "--sunshine.weibo.comment-poll-interval=300ms",
                    "--sunshine.dispatch.due-sweep=200ms",
                    "--sunshine.plans.due-sweep=200ms"));
            args.addAll(List.of(extraArgs));
            if (args.stream().filter(a -> a.startsWith("--server.port=")).count() > 1) {
                args.remove("--server.port=0");
            }
            TestHub hub = new TestHub(home, args);
            hub.boot();
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A hub whose messages link to its own public pages ({@code sunshine.public.base-url} on its own address), so
     * its port is chosen before it starts.
     */
    public static TestHub startWithPublicLinks(String... extraArgs) {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--sunshine.public.base-url=http://127.0.0.1:" + port));
        args.addAll(List.of(extraArgs));
        return start(args.toArray(String[]::new));
    }

    private void boot() {
        context = new SpringApplicationBuilder(TestClockSource.class, SunshineHubApplication.class)
                .run(args.toArray(String[]::new));
    }

    /** A clean stop and a start on the same workspace and data. */
    public void restart() {
        restart(Duration.ZERO);
    }

    /**
     * Stops and starts again on the same workspace and data; the hub's clock goes on where it was, plus
     * {@code down} (the time it was down), so timers due in that time are due at the start.
     */
    public void restart(Duration down) {
        Duration offset = clock().offset();
        context.close();
        boot();
        clock().offset(offset.plus(down));
    }

    public Path home() {
        return home;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** For a type with several beans, e.g. the handler mappings. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    public TestClock clock() {
        return context.getBean(TestClock.class);
    }

    /** The port of this hub's provider sandbox. */
    public String sandboxPort() {
        return context.getEnvironment().getProperty("sunshine.sandbox.port");
    }

    /** The provider sandbox's admin API ({@code /admin/...}). */
    public HttpResponse<String> sandbox(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandboxPort() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public String property(String key) {
        return context.getEnvironment().getProperty(key);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * A staff account (password {@link #STAFF_PASSWORD}, no forced change) made through the hub's own account
     * service; {@code levels} are the review levels a REVIEWER may sign. Returns the username.
     */
    public String staff(String username, Set<Role> roles, List<String> levels, String division) {
        bean(StaffAccounts.class).create(new StaffAccounts.NewAccount(username, username + " 测试", division, roles,
                levels, List.of(), "13800000000", null), STAFF_PASSWORD, false);
        return username;
    }

    /** A request signed in as this staff account with HTTP Basic, no API key. */
    public HttpRequest.Builder requestAs(String username, String path) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).header("Authorization", "Basic " + basic);
    }

    public HttpResponse<String> postAs(String username, String path, String json) {
        return send(requestAs(username, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).header("X-Api-Key", API_KEY);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(HTTP, request);
    }

    /** Sends on {@code client} (e.g. one that keeps a browser's cookies), the body read as UTF-8 text. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Items of this listing query (e.g. {@code kind=DISCLOSURE}), first page of 100. */
    public JsonNode items(String query) {
        return json(get("/api/items?size=100&" + query)).get("items");
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        FileSystemUtils.deleteRecursively(home.toFile());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
