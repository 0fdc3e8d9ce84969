package org.remediation.console.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    /** With the types it takes in {@code Accept}, as Spring's own answer has them. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws Exception {
        ProblemDetail problem = problems.unsupported(apiOnly(e, request), request);
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(e.getHeaders()).body(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) throws Exception {
        return problems.notAcceptable(apiOnly(e, request), request);
    }

    /** With {@code Allow}, which RFC 9110 requires on a 405. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        ProblemDetail problem = problems.method(apiOnly(e, request), request);
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(e.getHeaders()).body(problem);
    }

    /** The exception for an API path; for any other, rethrown, so Spring's own resolvers answer as before. */
    private static <E extends Exception> E apiOnly(E e, HttpServletRequest request) throws E {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        return e;
    }
}
