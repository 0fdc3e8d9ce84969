package org.remediation.console.probe;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;

/**
 * One HTTP/1.1 exchange over a direct socket, shared by the kinds that speak HTTP: the host is
 * resolved through the run's egress policy (so a refused address is never connected to), and every
 * step (connect, TLS, write, read) is bounded by what is left of the run's timeout. Phases are
 * recorded as {@code dnsMs}, {@code connectMs}, {@code tlsMs}, {@code ttfbMs}.
 */
final class HttpExchange {

    private HttpExchange() {
    }

    /** The port a URL names, or its scheme's default. */
    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : tls(uri) ? 443 : 80;
    }

    static boolean tls(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** The {@code Host} header's value: the port only when it is not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = port(uri);
        return uri.getHost() + (port == (tls(uri) ? 443 : 80) ? "" : ":" + port);
    }

    /** Sends {@code request} (head and body, already encoded) and reads the answer, keeping up to {@code bodyLimit} bytes. */
    static HttpResponseReader.Response send(ProbeRequest req, Run run, URI uri, byte[] request, boolean insecure, int bodyLimit)
            throws Exception {
        String host = uri.getHost();
        int port = port(uri);
        InetSocketAddress address = req.egress().resolve(host, port);
        run.phase("dnsMs");
        Socket socket = new Socket(Proxy.NO_PROXY); // direct: no SOCKS layer between the probe and its target
        try (socket) {
            socket.connect(address, run.remainingMillis());
            run.phase("connectMs");
            Socket channel = socket;
            if (tls(uri)) {
                channel = Tls.wrap(socket, host, port, run.remainingMillis(), insecure);
                run.phase("tlsMs");
            }
            channel.setSoTimeout(run.remainingMillis());
            OutputStream out = channel.getOutputStream();
            out.write(request);
            out.flush();
            return HttpResponseReader.read(new BufferedInputStream(channel.getInputStream()), channel, run, bodyLimit);
        }
    }
}
