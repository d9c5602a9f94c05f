package org.sunshinehub.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The same page bounds for every staff listing. */
public final class Paging {

    public static final int MAX_SIZE = 100;
    /** Deeper than this is not browsing; and page × size must not overflow. */
    public static final long MAX_OFFSET = 10_000_000;

    private Paging() {
    }

    /**
     * @throws ResponseStatusException 400 when {@code page} is negative or too deep, or {@code size} is outside
     *                                 1–100
     */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page 须 ≥ 0，size 须在 1 到 " + MAX_SIZE + " 之间");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page 过大：page × size 须不超过 " + MAX_OFFSET);
        }
    }
}
