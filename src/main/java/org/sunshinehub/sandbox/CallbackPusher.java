package org.sunshinehub.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes callbacks to the hub the way Aliyun does: a JSON array POSTed to the configured URL; anything but an
 * HTTP 200 whose {@code code} is a number (or no answer) is pushed again after each of the re-push delays, then
 * given up.
 */
final class CallbackPusher {

    private static final Logger log = LoggerFactory.getLogger(CallbackPusher.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ScheduledExecutorService executor;
    private final List<Duration> repushDelays;

    CallbackPusher(ScheduledExecutorService executor, List<Duration> repushDelays) {
        this.executor = executor;
        this.repushDelays = repushDelays;
    }

    /** @param body built when the push happens, so waiting pushes stay small */
    void push(URI url, Supplier<byte[]> body, Duration delay) {
        schedule(url, body, delay, 0);
    }

    private void schedule(URI url, Supplier<byte[]> body, Duration delay, int attempt) {
        executor.schedule(() -> attempt(url, body, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(URI url, Supplier<byte[]> body, int attempt) {
        if (accepted(url, body.get())) {
            return;
        }
        if (attempt < repushDelays.size()) {
            schedule(url, body, repushDelays.get(attempt), attempt + 1);
        } else {
            log.warn("Sandbox gave up pushing to {} after {} tries", url.getPath().replaceAll("/callbacks/([^/]+)/[^/]+", "/callbacks/$1/***"), attempt + 1);
        }
    }

    private static boolean accepted(URI url, byte[] body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().matches("(?s).*\"code\"\\s*:\\s*-?\\d+.*");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
