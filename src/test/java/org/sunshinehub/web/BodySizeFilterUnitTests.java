package org.sunshinehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The cap on concurrent body readers counts requests still reading, not requests waiting for their answer. */
class BodySizeFilterUnitTests {

    private static final byte[] BODY = "[{\"phone_number\":\"13900000000\",\"content\":\"意见\"}]"
            .getBytes(StandardCharsets.UTF_8);

    private final BodySizeFilter filter = new BodySizeFilter(new ApiProperties(List.of(), List.of(),
            DataSize.ofMegabytes(1), DataSize.ofMegabytes(64), DataSize.ofKilobytes(64), 1, Duration.ofSeconds(20)));
    private final AtomicInteger passed = new AtomicInteger();

    private static MockHttpServletRequest callback() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/callbacks/aliyun-sms/token/up");
        request.setContent(BODY);
        request.setContentType("application/json");
        return request;
    }

    private final FilterChain counting = (request, response) -> {
        request.getInputStream().readAllBytes();
        passed.incrementAndGet();
    };

    @Test
    void givenOneReaderAllowedWhenACallbackHasReadItsBodyAndWaitsForItsStoreThenTheNextIsAdmitted() throws Exception {
        MockHttpServletResponse second = new MockHttpServletResponse();
        FilterChain readThenWait = (request, response) -> {
            request.getInputStream().readAllBytes();
            // still answering (its store write under way) when the next callback arrives
            filter.doFilter(callback(), second, counting);
        };

        filter.doFilter(callback(), new MockHttpServletResponse(), readThenWait);

        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(passed).hasValue(1);
    }

    @Test
    void givenOneReaderAllowedWhenACallbackIsStillReadingItsBodyThenTheNextGets503() throws Exception {
        MockHttpServletResponse second = new MockHttpServletResponse();
        FilterChain readHalf = (request, response) -> {
            request.getInputStream().readNBytes(BODY.length / 2);
            filter.doFilter(callback(), second, counting);
        };

        filter.doFilter(callback(), new MockHttpServletResponse(), readHalf);

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(passed).hasValue(0);
        // and once the first has been answered its place is free again
        MockHttpServletResponse third = new MockHttpServletResponse();
        filter.doFilter(callback(), third, counting);
        assertThat(third.getStatus()).isEqualTo(200);
    }
}
