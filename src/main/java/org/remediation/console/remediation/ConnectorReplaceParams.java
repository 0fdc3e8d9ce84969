package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.remediation.console.base.Problems;

/** The parameters of {@code connector-replace} and their rules (Google's connector id and /28 range). */
final class ConnectorReplaceParams {

    static final String CONNECTOR = "connector";
    static final String SERVICES = "services";
    static final String DIRECTION = "direction";
    static final String BACK = "back";
    static final String FORWARD = "forward";
    /** Google's connector id rule, as quoted by its error ("Connector ID must follow the pattern …"). */
    static final Pattern CONNECTOR_ID = Pattern.compile("^[a-z][-a-z0-9]{0,23}[a-z0-9]$");
    private static final Pattern SERVICE = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/28");
    static final List<String> CREATION = List.of(IP_CIDR_RANGE, NETWORK, MACHINE_TYPE, MIN_INSTANCES, MAX_INSTANCES);

    private ConnectorReplaceParams() {
    }

    /** The checks that need no live state (the action adds unknown-parameter checks). */
    static void check(Map<String, String> params, Problems problems) {
        String connector = params.getOrDefault(CONNECTOR, "").trim();
        if (connector.isEmpty()) {
            problems.add(CONNECTOR, "Name the connector to move to (e.g. staging-connector-2).");
        } else if (!CONNECTOR_ID.matcher(connector).matches()) {
            problems.add(CONNECTOR, "A connector name must start with a lower-case letter, end with a letter or digit, "
                    + "and hold only lower-case letters, digits and '-', 2–25 characters (Google's pattern "
                    + CONNECTOR_ID.pattern() + "); got '" + connector + "'.");
        }
        List<String> services = services(params);
        if (services.isEmpty()) {
            problems.add(SERVICES, "Name at least one Cloud Run service, comma-separated (e.g. netra-backend,netra-auth).");
        }
        services.stream().filter(s -> !SERVICE.matcher(s).matches()).findFirst().ifPresent(s -> problems.add(SERVICES,
                "'" + s + "' is not a Cloud Run service name (lower-case letters, digits and '-')."));
        String direction = params.getOrDefault(DIRECTION, "").trim();
        if (!direction.isEmpty() && !direction.equals(FORWARD) && !direction.equals(BACK)) {
            problems.add(DIRECTION, "Direction is forward or back (got '" + direction + "').");
        }
        boolean creates = !params.getOrDefault(IP_CIDR_RANGE, "").isBlank();
        if (BACK.equals(direction) || !creates) {
            for (String field : CREATION) {
                if (!params.getOrDefault(field, "").isBlank() && !field.equals(IP_CIDR_RANGE)) {
                    problems.add(field, "Only a connector being created takes " + field + "; give an IP range to create one, "
                            + "or leave it empty to move onto an existing connector.");
                }
            }
            if (BACK.equals(direction) && creates) {
                problems.add(IP_CIDR_RANGE, "Moving back goes to this existing connector: leave the IP range empty.");
            }
            return;
        }
        String range = params.get(IP_CIDR_RANGE).trim();
        var m = RANGE.matcher(range);
        if (!m.matches() || Arrays.stream(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)})
                .anyMatch(o -> Integer.parseInt(o) > 255)) {
            problems.add(IP_CIDR_RANGE, "The IP range must be a /28 such as 10.166.240.0/28 (got '" + range + "').");
        }
        Integer min = AbstractAction.intParam(problems, params, MIN_INSTANCES, "Minimum instances", 2, 9, false);
        Integer max = AbstractAction.intParam(problems, params, MAX_INSTANCES, "Maximum instances", 3, 10, false);
        if (min != null && max != null && min >= max) {
            problems.add(MAX_INSTANCES, "Maximum instances (" + max + ") must be greater than minimum instances (" + min + ").");
        }
        String machine = params.getOrDefault(MACHINE_TYPE, "").trim();
        if (!machine.isEmpty() && !ScaleConnectorAction.MACHINE_TYPES.contains(machine)) {
            problems.add(MACHINE_TYPE, "Machine type must be one of " + String.join(", ", ScaleConnectorAction.MACHINE_TYPES)
                    + " (got '" + machine + "').");
        }
    }

    static List<String> services(Map<String, String> params) {
        return Arrays.stream(params.getOrDefault(SERVICES, "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
    }
}
