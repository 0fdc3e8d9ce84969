package org.remediation.console.base.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 exchange on a socket connected to the address the policy checked. The JDK's HTTP
 * client resolves names itself, so a name that re-resolves between the check and the connect (DNS
 * rebinding) could reach a denied address (issue 16); here the check and the connect see the same
 * address. Used for webhooks; probes use {@link #tls} on their own sockets.
 */
public final class EgressHttp {

    private EgressHttp() {
    }

    /**
     * TLS over a connected socket: SNI and, when {@code verifyHost}, the certificate checked against
     * {@code host} (the name, not the address connected to).
     */
    public static Socket tls(Socket plain, String host, int port, int timeoutMillis, SSLContext context, boolean verifyHost)
            throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        if (verifyHost) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(timeoutMillis);
        ssl.startHandshake();
        return ssl;
    }

    /** POSTs a JSON body and returns the status code; redirects are not followed. */
    public static int postJson(EgressPolicy policy, URI url, byte[] body, Duration connectTimeout, Duration timeout)
            throws IOException {
        boolean secure = "https".equalsIgnoreCase(url.getScheme());
        if (!secure && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL: " + url.getScheme());
        }
        String host = url.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in the URL");
        }
        int port = url.getPort() > 0 ? url.getPort() : secure ? 443 : 80;
        int millis = millis(timeout);
        InetSocketAddress address = policy.resolve(host, port);
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(address, millis(connectTimeout));
            socket.setSoTimeout(millis);
            Socket channel = secure ? tls(socket, host, port, millis, defaultContext(), true) : socket;
            String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + (port == (secure ? 443 : 80) ? "" : ":" + port)
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nUser-Agent: remediation-console\r\nConnection: close\r\n\r\n";
            OutputStream out = channel.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return status(channel.getInputStream());
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (line.size() > 1024) {
                throw new ProtocolException("the status line is longer than 1 KiB");
            }
            line.write(b);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new ProtocolException("not an HTTP answer: " + line.toString(StandardCharsets.ISO_8859_1).strip());
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("not an HTTP status: " + parts[1]);
        }
    }

    private static SSLContext defaultContext() throws IOException {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException("no TLS in this JVM", e);
        }
    }
}
