package org.remediation.console.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every /api request no endpoint takes. Without it the Vaadin servlet, which serves every other path, would
 * answer an unknown API path with its HTML page (and a session cookie). It raises what Spring raises when an
 * endpoint's method or media types do not match — answered by {@link ApiProblems} — and a 404 otherwise. The
 * most specific mapping wins, so real endpoints never reach it.
 */
@Hidden
@RestController
class UnknownApiPath {

    private final RequestMappingHandlerMapping mappings;

    UnknownApiPath(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) throws Exception {
        List<RequestMappingInfo> samePath = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType() != UnknownApiPath.class)
                .map(java.util.Map.Entry::getKey)
                .filter(info -> info.getPathPatternsCondition() != null
                        && info.getPathPatternsCondition().getMatchingCondition(request) != null).toList();
        if (samePath.isEmpty()) {
            throw new ApiProblems.NotFound("There is no API endpoint " + request.getMethod() + " "
                    + request.getRequestURI() + "; see /api/v1/openapi.json.");
        }
        List<RequestMappingInfo> sameMethod = samePath.stream()
                .filter(info -> info.getMethodsCondition().getMatchingCondition(request) != null).toList();
        if (sameMethod.isEmpty()) {
            Set<String> allowed = new TreeSet<>();
            samePath.forEach(info -> info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name())));
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        if (sameMethod.stream().noneMatch(info -> info.getConsumesCondition().getMatchingCondition(request) != null)) {
            Set<MediaType> takes = new java.util.LinkedHashSet<>();
            sameMethod.forEach(info -> takes.addAll(info.getConsumesCondition().getConsumableMediaTypes()));
            throw new HttpMediaTypeNotSupportedException(request.getContentType() == null ? null
                    : MediaType.parseMediaType(request.getContentType()), List.copyOf(takes), org.springframework.http.HttpMethod.valueOf(request.getMethod()));
        }
        Set<MediaType> gives = new java.util.LinkedHashSet<>();
        sameMethod.forEach(info -> gives.addAll(info.getProducesCondition().getProducibleMediaTypes()));
        throw new HttpMediaTypeNotAcceptableException(List.copyOf(gives));
    }
}
