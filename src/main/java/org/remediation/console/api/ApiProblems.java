package org.remediation.console.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.security.TokenUseAudit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as an RFC 9457 problem document. Validation problems keep the services' own messages
 * (the UI shows the same words) with the field path, and the YAML line where the message names one.
 */
@RestControllerAdvice(basePackages = "org.remediation.console.api")
class ApiProblems {

    private static final Pattern LINE = Pattern.compile("^line (\\d+): ");
    /** The probe targets' YAML import ends a message with "(line 7)" or says "at line 7:". */
    private static final Pattern LINE_IN_TEXT = Pattern.compile("\\(line (\\d+)\\)\\.?$| at line (\\d+): ");

    private final TokenUseAudit tokens;

    ApiProblems(TokenUseAudit tokens) {
        this.tokens = tokens;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "The request was refused; nothing was changed",
                e.problems().size() == 1 ? e.getMessage() : e.problems().size() + " problems: " + e.getMessage(), request);
        problem.setProperty("errors", e.problems().stream().map(ApiProblems::error).toList());
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException e, HttpServletRequest request) {
        tokens.deniedForCurrentToken(request.getMethod() + " " + request.getRequestURI());
        String detail = e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "Your token's roles do not allow this." : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        return problem(HttpStatus.BAD_REQUEST, "The request body could not be read; nothing was changed",
                cause.getMessage() == null ? "The body is not valid JSON for this call."
                        : firstLine(cause.getMessage()).replaceAll(" ?\\(class [^)]*\\)", ""), request);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail badParameter(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request parameter", firstLine(String.valueOf(e.getMessage())), request);
    }

    /** With the types it takes in {@code Accept}, as Spring's own answer has them. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(e.getHeaders())
                .body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", "This call does not take "
                        + e.getContentType() + "; send " + e.getSupportedMediaTypes() + ".", request));
    }

    @ExceptionHandler(org.springframework.util.InvalidMimeTypeException.class)
    ProblemDetail badContentType(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", "The Content-Type header '"
                + request.getContentType() + "' is not a media type.", request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "This resource is available as "
                + e.getSupportedMediaTypes() + ".", request);
    }

    /** With {@code Allow}, which RFC 9110 requires on a 405. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(e.getHeaders())
                .body(problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMethod() + " is not supported "
                        + "here; use " + e.getSupportedHttpMethods() + ".", request));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoSuchElementException.class})
    ProblemDetail noResource(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "There is no " + request.getRequestURI() + ".", request);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static Map<String, Object> error(InvalidInputException.Problem p) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", p.field());
        Matcher m = LINE.matcher(p.message());
        if (m.find()) {
            error.put("line", Integer.parseInt(m.group(1)));
        } else if ((m = LINE_IN_TEXT.matcher(p.message())).find()) {
            error.put("line", Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        error.put("message", p.message());
        return error;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String first = end < 0 ? message : message.substring(0, end);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    /** A resource named in the path does not exist. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
