package org.sunshinehub.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/** What every console page shares: the signed-in account, and errors as a page with the reason. */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePageAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsolePageAdvice.class);

    private final Staff staff;
    private final java.time.Clock clock;

    ConsolePageAdvice(Staff staff, java.time.Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    /** The hub's time, so countdowns in the browser count from it and not from the browser's clock. */
    @ModelAttribute("serverNow")
    String serverNow() {
        return clock.instant().toString();
    }

    @ModelAttribute("me")
    Optional<StaffAccount> me() {
        return staff.current();
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("reason", e.getReason());
        return "error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error on a console page", e);
        response.setStatus(500);
        model.addAttribute("status", 500);
        model.addAttribute("reason", "服务器内部错误，已记录日志");
        return "error";
    }
}
