package org.remediation.console.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors that Spring raises before any controller is chosen: a wrong content type (415), an
 * Accept no mapping produces (406), a wrong method (405). With no handler yet, {@link ApiProblems} (scoped
 * to this package's controllers) never sees them and they would leave as Spring Boot's error JSON; this
 * advice has no scope, so it answers them for {@code /api/} paths in the same words, and hands every other
 * path back to Spring unchanged by rethrowing.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiMappingProblems {

    private final ApiProblems problems;

    ApiMappingProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) throws Exception {
        return problems.unsupported(apiOnly(e, request), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) throws Exception {
        return problems.notAcceptable(apiOnly(e, request), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) throws Exception {
        return problems.method(apiOnly(e, request), request);
    }

    /** The exception for an API path; for any other, rethrown, so Spring's own resolvers answer as before. */
    private static <E extends Exception> E apiOnly(E e, HttpServletRequest request) throws E {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        return e;
    }
}
