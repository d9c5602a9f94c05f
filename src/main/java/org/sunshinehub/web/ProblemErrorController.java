package org.sunshinehub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the container forwards what failed outside a controller: problem+json with the status
 * only. Asked for directly, it does not exist (404).
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return; // part of an answer is out already (a client gone mid-answer): nothing can follow it
        }
        HttpStatus status = statusOf(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        response.resetBuffer();
        Problems.write(response, status, status == HttpStatus.NOT_FOUND ? "未找到"
                : status.is5xxServerError() ? "服务器内部错误，已记录日志" : "请求无效：" + status.getReasonPhrase());
    }

    private static HttpStatus statusOf(Object code) {
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
