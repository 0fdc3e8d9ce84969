package org.remediation.console.remediation;

/** This console's node id and which consoles are alive: the cluster's view, a port so tests can set their own. */
interface ActionNodes {

    String self();

    boolean isLive(String node);
}
