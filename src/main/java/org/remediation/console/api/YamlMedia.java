package org.remediation.console.api;

/** The media types of YAML bodies: application/yaml is the registered one (RFC 9512); tools still send the older names. */
final class YamlMedia {

    static final String YAML = "application/yaml";

    private YamlMedia() {
    }
}
