package org.remediation.console.probe;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** RFC 6125 host name matching against subjectAltName (DNS and IP), falling back to the CN. */
final class HostnameMatch {

    private HostnameMatch() {
    }

    static boolean matches(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        boolean ip = h.matches("[0-9.]+") || h.contains(":");
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null && !sans.isEmpty()) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    String v = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                    if ((ip && type == 7 && v.equals(h)) || (!ip && type == 2 && dnsMatch(v, h))) {
                        return true;
                    }
                }
                return false;
            }
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && dnsMatch(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT), h)) {
                    return true;
                }
            }
        } catch (CertificateParsingException | javax.naming.InvalidNameException e) {
            return false;
        }
        return false;
    }

    static boolean dnsMatch(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }
}
