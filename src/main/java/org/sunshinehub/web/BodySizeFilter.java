package org.sunshinehub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies by the routed path: a declared length over the cap is refused before anything is read; a
 * chunked body is counted as it is read and fails with {@link BodyTooLargeException} (413) at the first byte
 * over. At most {@code max-body-readers} callbacks and as many API requests read a body at once; more get 503
 * straight away, so slow senders can hold some request threads but never all of them. A request gives its place
 * back once its body has been read to the end, not when it is answered: a callback waiting for its store write
 * is no slow sender, and holding the place until then capped callbacks at 50 in flight.
 */
@Component
@Order(0)
class BodySizeFilter extends OncePerRequestFilter {

    private static final RequestMatcher IMPORT = ApiSecurity.path("/api/subscribers/import");
    private static final RequestMatcher WECHAT = ApiSecurity.path("/callbacks/wechat/**");
    private static final RequestMatcher CALLBACKS = ApiSecurity.path("/callbacks/**");

    private final long maxBody;
    private final long maxImport;
    private final long maxWechat;
    private final Semaphore callbackReaders;
    private final Semaphore otherReaders;

    BodySizeFilter(ApiProperties properties) {
        this.maxBody = properties.maxBodySize().toBytes();
        this.maxImport = properties.maxImportSize().toBytes();
        this.maxWechat = properties.maxWechatCallbackSize().toBytes();
        this.callbackReaders = new Semaphore(properties.maxBodyReaders());
        this.otherReaders = new Semaphore(properties.maxBodyReaders());
    }

    private long capOf(HttpServletRequest request) {
        return IMPORT.matches(request) ? maxImport : WECHAT.matches(request) ? maxWechat : maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = capOf(request);
        if (request.getContentLengthLong() > max) {
            response.setHeader("Connection", "close");
            Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "请求体超过 " + max + " 字节上限");
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        Semaphore readers = CALLBACKS.matches(request) ? callbackReaders : otherReaders;
        if (!readers.tryAcquire()) {
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", "1");
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "同时上传的请求过多，请稍后重试");
            return;
        }
        Place place = new Place(readers);
        try {
            chain.doFilter(new CappedRequest(request, max, place), response);
        } finally {
            place.giveBack();
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** One request's place among the body readers, given back once (at the body's end or the answer). */
    private static final class Place {
        private final Semaphore readers;
        private final AtomicBoolean held = new AtomicBoolean(true);

        Place(Semaphore readers) {
            this.readers = readers;
        }

        void giveBack() {
            if (held.compareAndSet(true, false)) {
                readers.release();
            }
        }
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long max;
        private final Place place;
        private ServletInputStream stream;

        CappedRequest(HttpServletRequest request, long max, Place place) {
            super(request);
            this.max = max;
            this.place = place;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), max, getContentLengthLong(), place);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    charset == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset)));
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private final long declared;
        private final Place place;
        private long count;

        /** @param declared the Content-Length, or -1 for a chunked body */
        CappedStream(ServletInputStream in, long max, long declared, Place place) {
            this.in = in;
            this.max = max;
            this.declared = declared;
            this.place = place;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            counted(n);
            return n;
        }

        /** @param n bytes just read, -1 at the end of the body */
        private void counted(int n) {
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new BodyTooLargeException(max);
                }
            }
            if (n < 0 || count == declared) {
                place.giveBack();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
