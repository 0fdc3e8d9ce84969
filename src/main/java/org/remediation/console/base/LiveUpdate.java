package org.remediation.console.base;

/**
 * A domain event that open browsers render. Features publish it like any other domain event, with
 * Spring's {@code ApplicationEventPublisher}; {@link LiveEvents} hands it to the subscribed browser
 * tabs once the publishing transaction has committed. Domain reactions never subscribe through
 * {@link LiveEvents}: they are Spring event listeners.
 */
public interface LiveUpdate {
}
