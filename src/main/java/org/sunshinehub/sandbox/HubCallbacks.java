package org.sunshinehub.sandbox;

import java.net.URI;

/** Where the hub takes providers' pushes; known once the hub's web server has a port. */
final class HubCallbacks {

    private final String token;
    private volatile String base;
    private volatile String root;

    HubCallbacks(String token) {
        this.token = token;
    }

    void hubStarted(int port) {
        root = "http://127.0.0.1:" + port;
        base = root + "/callbacks/aliyun-sms/" + token;
    }

    URI reportUrl() {
        return base == null ? null : URI.create(base + "/report");
    }

    URI wechatUrl(String account, String query) {
        return URI.create(root + "/callbacks/wechat/" + account + "?" + query);
    }

    URI upUrl() {
        return base == null ? null : URI.create(base + "/up");
    }
}
