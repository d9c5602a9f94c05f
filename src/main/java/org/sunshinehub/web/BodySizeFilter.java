package org.sunshinehub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: a declared length over the cap is refused before anything is read; a chunked body is
 * counted as it is read and fails with {@link BodyTooLargeException} (413) at the first byte over.
 */
@Component
@Order(0)
class BodySizeFilter extends OncePerRequestFilter {

    static final String IMPORT_PATH = "/api/subscribers/import";
    static final String WECHAT_PATH = "/callbacks/wechat/";

    private final long maxBody;
    private final long maxImport;
    private final long maxWechat;

    BodySizeFilter(ApiProperties properties) {
        this.maxBody = properties.maxBodySize().toBytes();
        this.maxImport = properties.maxImportSize().toBytes();
        this.maxWechat = properties.maxWechatCallbackSize().toBytes();
    }

    private long capOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(IMPORT_PATH) ? maxImport : path.startsWith(WECHAT_PATH) ? maxWechat : maxBody;
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
        chain.doFilter(new CappedRequest(request, max), response);
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        CappedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long count;

        CappedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > max) {
                throw new BodyTooLargeException(max);
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
