package org.sunshinehub.sandbox;

import java.net.URI;

/** Where the hub takes Aliyun's pushes; known once the hub's web server has a port. */
final class HubCallbacks {

    private final String token;
    private volatile String base;

    HubCallbacks(String token) {
        this.token = token;
    }

    void hubStarted(int port) {
        base = "http://127.0.0.1:" + port + "/callbacks/aliyun-sms/" + token;
    }

    URI reportUrl() {
        return base == null ? null : URI.create(base + "/report");
    }

    URI upUrl() {
        return base == null ? null : URI.create(base + "/up");
    }
}
