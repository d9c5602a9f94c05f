package org.sunshinehub.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat does before and after Spring: a body upload that stalls is cut off after
 * {@code sunshine.api.body-read-timeout} (rather than the connection timeout); a request refused before any of
 * its body was read (401, 403, 404, 503 ...) is not drained (the connection closes instead, so a slow sender's
 * refusal frees its thread at once); and Tomcat's own
 * errors (a request line it cannot parse, say) answer problem+json, not its HTML page.
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ApiProperties properties;

    TomcatHardening(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("disableUploadTimeout", "false");
            connector.setProperty("connectionUploadTimeout", String.valueOf(properties.bodyReadTimeout().toMillis()));
        });
        factory.addContextValves(new NoDrainOnRefusal());
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                standard.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    /**
     * A refusal of ours ({@link Problems} with {@code Connection: close}: firewall, authentication, callback guard,
     * declared length over the cap, too many readers) answered before any of its body was read: close rather than
     * wait for the body to swallow it. Other errors keep Tomcat's drain, which lets their (chunked) answer end
     * cleanly. A 413 found while streaming is left to Tomcat's bounded swallow
     * ({@code server.tomcat.max-swallow-size}): its sender is mid-body, and closing on it would reset the
     * connection before it reads the answer.
     */
    static final class NoDrainOnRefusal extends ValveBase {
        NoDrainOnRefusal() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            int status = response.getStatus();
            if (status >= 400 && "close".equalsIgnoreCase(response.getHeader("Connection"))
                    && !request.isAsyncStarted() && request.getCoyoteRequest().getBytesRead() == 0) {
                AtomicBoolean fullyRead = new AtomicBoolean(true);
                request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
                if (!fullyRead.get()) {
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        }
    }
}
