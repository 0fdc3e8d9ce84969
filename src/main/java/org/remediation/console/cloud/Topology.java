package org.remediation.console.cloud;

import java.util.List;
import java.util.Optional;

/**
 * Which Cloud Run service sends its egress through which VPC connector, as read from the services'
 * live state. {@code unread} lists the services whose state could not be read: a caller that must be
 * sure no service uses a connector (deleting it) treats them as possible users.
 */
public record Topology(List<ConnectorLink> links, List<ResourceRef> unread) {

    /** One service's egress through one connector ({@code egress}: PRIVATE_RANGES_ONLY or ALL_TRAFFIC). */
    public record ConnectorLink(ResourceRef service, ResourceRef connector, String egress) {
    }

    public Topology {
        links = List.copyOf(links);
        unread = List.copyOf(unread);
    }

    /** The services whose egress goes through {@code connector}. */
    public List<ResourceRef> servicesUsing(ResourceRef connector) {
        return links.stream().filter(l -> l.connector().equals(connector)).map(ConnectorLink::service).toList();
    }

    /** The connector a service's egress goes through, if any. */
    public Optional<ConnectorLink> linkOf(ResourceRef service) {
        return links.stream().filter(l -> l.service().equals(service)).findFirst();
    }

    /** The link a Cloud Run service's state describes, if it uses a connector. */
    public static Optional<ConnectorLink> linkOf(ResourceState service) {
        return service.get(Attributes.VPC_CONNECTOR).filter(name -> !name.isBlank()).map(name -> new ConnectorLink(
                service.ref(), new ResourceRef(ResourceKind.VPC_CONNECTOR, service.ref().location(), name),
                service.get(Attributes.VPC_EGRESS).orElse("PRIVATE_RANGES_ONLY")));
    }
}
