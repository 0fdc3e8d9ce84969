package org.remediation.console.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A loopback TLS server presenting one certificate; after the handshake it answers HTTP 200. */
final class TlsTestServer implements AutoCloseable {

    private final SSLServerSocket server;

    TlsTestServer(TestCertificates.Issued identity) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity.keyStore(), "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                SSLSocket s = (SSLSocket) server.accept();
                Thread.ofVirtual().start(() -> answer(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer(SSLSocket s) {
        try (s) {
            s.setSoTimeout(5000);
            s.startHandshake();
            var in = s.getInputStream();
            int c;
            int seen = 0;
            while (seen < 4 && (c = in.read()) >= 0) {
                seen = (c == '\r' || c == '\n') ? seen + 1 : 0;
            }
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the probe may hang up right after the handshake
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
