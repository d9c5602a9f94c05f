package org.sunshinehub.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Thrown while a request body is read past the cap. */
public class BodyTooLargeException extends ResponseStatusException {

    BodyTooLargeException(long max) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "请求体超过 " + max + " 字节上限");
    }
}
