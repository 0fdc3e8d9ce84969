package org.remediation.console.incident;

/** Incident severity and phase priority, P0 (most urgent) to P3. */
public enum Severity { P0, P1, P2, P3 }
