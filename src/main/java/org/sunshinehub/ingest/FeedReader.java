package org.sunshinehub.ingest;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Fetches a column over {@code file:} or HTTP(S) with a size cap and parses it with Rome (no DOCTYPE allowed). */
final class FeedReader {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private FeedReader() {
    }

    /** @throws FeedUnavailableException with a reason fit for the log */
    static SyndFeed read(String url) {
        byte[] bytes = url.startsWith("file:") ? readFile(Path.of(url.substring("file:".length()))) : readHttp(url);
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(new XmlReader(new ByteArrayInputStream(bytes)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedUnavailableException("not a valid RSS/Atom document: " + e.getMessage());
        }
    }

    private static byte[] readFile(Path path) {
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new FeedUnavailableException("larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new FeedUnavailableException("cannot read " + path + ": " + e);
        }
    }

    private static byte[] readHttp(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1")
                .GET().build();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new FeedUnavailableException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new FeedUnavailableException("larger than " + MAX_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new FeedUnavailableException("unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("interrupted");
        }
    }

    static final class FeedUnavailableException extends RuntimeException {
        FeedUnavailableException(String reason) {
            super(reason);
        }
    }
}
