package org.sunshinehub.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client of the console: a cookie jar, form posts with the page's CSRF token, no redirects followed. */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestHub hub;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    public ConsoleClient(TestHub hub) {
        this.hub = hub;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET as htmx sends it when a page loads a fragment. */
    public HttpResponse<String> getFragment(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET());
    }

    /** Posts a form, with the CSRF token taken from the page at {@code formPage}. */
    public HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPage).body());
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token.find()) {
            all.put("_csrf", token.group(1));
        }
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads one file as a multipart form, with the CSRF token taken from the page at {@code formPage}. */
    public HttpResponse<String> upload(String formPage, String path, String field, String filename, String content) {
        Matcher token = CSRF.matcher(get(formPage).body());
        String boundary = "----console-test-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        if (token.find()) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                    .append(token.group(1)).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field)
                .append("\"; filename=\"").append(filename).append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(content).append("\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> signIn(String username, String password) {
        return post("/login", "/login", Map.of("username", username, "password", password));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + hub.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return TestHub.send(http, request);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
