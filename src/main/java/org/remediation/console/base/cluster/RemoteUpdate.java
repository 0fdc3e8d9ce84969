package org.remediation.console.base.cluster;

import org.remediation.console.base.LiveUpdate;

/**
 * A live update raised on another node, published here just before open boards get it: the hook for
 * caches that a local change would have moved (the criteria engine's version). Domain listeners of the
 * update itself do not run again on this node; its origin already ran them.
 */
public record RemoteUpdate(LiveUpdate update) {
}
