package org.sunshinehub.channel.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Weibo's open API over HTTP: a post, its deletion, and the comments an account received. */
@Component
class WeiboApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** Weibo's answer: a 200 with the object, or an error body {@code {error_code, error, request}}. */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status == 200 && !body.has("error_code");
        }

        /** {@code error_code} comes as a number or as a string; 0 when absent. */
        int errorCode() {
            try {
                return Integer.parseInt(body.path("error_code").asText("0").strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** {@code POST 2/statuses/share.json}; the status must carry a link under the account's safe domain. */
    Answer share(WeiboProperties.Account account, String status) throws IOException, InterruptedException {
        String form = "access_token=" + encode(account.accessToken()) + "&status=" + encode(status)
                + "&rip=" + encode(account.rip());
        return call(HttpRequest.newBuilder(URI.create(base(account) + "/2/statuses/share.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** {@code POST 2/statuses/destroy.json}: deletes one of the account's posts by its id. */
    Answer destroy(WeiboProperties.Account account, String postId) throws IOException, InterruptedException {
        String form = "access_token=" + encode(account.accessToken()) + "&id=" + encode(postId);
        return call(HttpRequest.newBuilder(URI.create(base(account) + "/2/statuses/destroy.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** {@code GET 2/comments/to_me.json}: comments newer than {@code sinceId}, newest first. */
    Answer commentsToMe(WeiboProperties.Account account, String sinceId, int page, int count)
            throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(base(account) + "/2/comments/to_me.json?access_token="
                + encode(account.accessToken()) + "&since_id=" + encode(sinceId) + "&count=" + count + "&page=" + page)).GET());
    }

    private Answer call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        return new Answer(response.statusCode(), body == null ? JSON.createObjectNode() : body);
    }

    private static String base(WeiboProperties.Account account) {
        return account.baseUrl().replaceAll("/+$", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
