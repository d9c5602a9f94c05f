package org.sunshinehub.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A source system's JSON API in the test JVM: answers each path with what the test gives it, and records queries. */
final class TopicServer implements AutoCloseable {

    private final HttpServer server;
    final List<String> queries = new CopyOnWriteArrayList<>();

    TopicServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    /** @param answer query string → JSON body */
    TopicServer serve(String path, Function<String, String> answer) {
        server.createContext(path, exchange -> respond(exchange, answer));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void respond(HttpExchange exchange, Function<String, String> answer) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        queries.add(exchange.getRequestURI().getPath() + "?" + query);
        byte[] body = answer.apply(query == null ? "" : query).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
