package org.remediation.console.base.cluster;

/** What a participant reports for the health: how much it holds of what it should hold. */
public interface ClusterShare {

    /** For example "probe partitions". */
    String what();

    /** How many this node holds now. */
    int held();

    /** How many it should hold for an even share among the live members. */
    int share();
}
