package org.sunshinehub.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An item that cannot be taken in, with a reason per bad field (a 400 on the API). */
class InvalidItemException extends ErrorResponseException {

    private final Map<String, String> fieldErrors;

    InvalidItemException(Map<String, String> fieldErrors) {
        super(HttpStatus.BAD_REQUEST, problem(fieldErrors), null);
        this.fieldErrors = new TreeMap<>(fieldErrors);
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** One line per field, for notes beside rejected files. */
    String describe() {
        return fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static ProblemDetail problem(Map<String, String> fieldErrors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "信息内容有误：" + String.join("、", new TreeMap<>(fieldErrors).keySet()));
        problem.setProperty("fields", new TreeMap<>(fieldErrors));
        return problem;
    }
}
