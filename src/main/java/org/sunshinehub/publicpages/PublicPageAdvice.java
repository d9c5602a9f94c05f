package org.sunshinehub.publicpages;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Errors on public pages as a plain page with the reason in Chinese: never a stack trace, never JSON. */
@ControllerAdvice(annotations = PublicPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PublicPageAdvice.class);

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        return page(e.getStatusCode().value(), e.getReason(), model, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        return page(400, "链接或表单有误", model, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error on a public page", e);
        return page(500, "系统暂时无法处理，请稍后再试", model, response);
    }

    private static String page(int status, String reason, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("reason", reason);
        return "public/error";
    }
}
