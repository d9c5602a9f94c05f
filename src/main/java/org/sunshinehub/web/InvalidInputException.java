package org.sunshinehub.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Input that cannot be taken, with a reason per bad field: a 400 whose {@code fields} name each one. */
public class InvalidInputException extends ErrorResponseException {

    private final Map<String, String> fieldErrors;

    /** @param what what was wrong, e.g. 信息内容有误 */
    public InvalidInputException(String what, Map<String, String> fieldErrors) {
        super(HttpStatus.BAD_REQUEST, problem(what, fieldErrors), null);
        this.fieldErrors = new TreeMap<>(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** One {@code field: reason} per line, for notes and logs. */
    public String describe() {
        return fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static ProblemDetail problem(String what, Map<String, String> fieldErrors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                what + "：" + String.join("、", new TreeMap<>(fieldErrors).keySet()));
        problem.setProperty("fields", new TreeMap<>(fieldErrors));
        return problem;
    }
}
