package org.remediation.console.base.egress;

import java.net.SocketException;

/** A connection the egress policy refuses; the message says which address and why, for the probe's result. */
public final class EgressDeniedException extends SocketException {

    EgressDeniedException(String message) {
        super(message);
    }
}
