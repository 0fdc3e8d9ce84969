package org.remediation.console.cloud.sandbox;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A loopback stand-in for the staging zone's resolver, so "DNS resolution consistently < 2 seconds"
 * has something to measure here (the real {@code staging.netrasystems.ai} is out of reach). A UDP
 * responder on 127.0.0.1 only ({@code console.sandbox.dns-port}) that answers the staging host name
 * with 127.0.0.1 and every other name NXDOMAIN. Its answers go through the simulated connector: while
 * it is saturated they are slow and often SERVFAIL, after a scale-up fast. Runs only with the sandbox.
 */
class DnsStandIn implements SmartLifecycle {

    static final String HOST = "staging.netrasystems.ai";
    /** 127.0.0.1 (not {@code getLoopbackAddress()}, which may be ::1): the answer and the listening address. */
    static final InetAddress LOOPBACK = loopback();
    private static final Logger log = LoggerFactory.getLogger(DnsStandIn.class);

    private final EndpointSimulator simulator;
    private final int configuredPort;
    private volatile @Nullable DatagramSocket socket;

    DnsStandIn(EndpointSimulator simulator, int port) {
        this.simulator = simulator;
        this.configuredPort = port;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address it listens on (for tests: always loopback). */
    InetSocketAddress address() {
        DatagramSocket s = socket;
        if (s == null) {
            throw new IllegalStateException("not listening");
        }
        return (InetSocketAddress) s.getLocalSocketAddress();
    }

    /** The port it listens on (0 while stopped). */
    int port() {
        DatagramSocket s = socket;
        return s == null ? 0 : s.getLocalPort();
    }

    @Override
    public void start() {
        try {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, configuredPort));
            socket = s;
            Thread.ofVirtual().name("sandbox-dns").start(() -> serve(s));
            log.info("Sandbox DNS stand-in answers {} on udp://127.0.0.1:{}", HOST, s.getLocalPort());
        } catch (IOException e) {
            log.warn("The sandbox DNS stand-in cannot listen on 127.0.0.1:{} ({}); the dns-staging target will fail",
                    configuredPort, e.getMessage());
        }
    }

    @Override
    public void stop() {
        DatagramSocket s = socket;
        socket = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public boolean isRunning() {
        return socket != null;
    }

    private void serve(DatagramSocket s) {
        byte[] buf = new byte[512];
        while (!s.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                s.receive(in);
                byte[] query = Arrays.copyOf(in.getData(), in.getLength());
                SocketAddress from = in.getSocketAddress();
                Thread.ofVirtual().start(() -> answer(s, query, from)); // a slow answer holds up no other
            } catch (IOException e) {
                if (s.isClosed()) {
                    return;
                }
                log.debug("Sandbox DNS stand-in: {}", e.getMessage());
            }
        }
    }

    private void answer(DatagramSocket s, byte[] wire, SocketAddress to) {
        try {
            Message query = new Message(wire);
            Record question = query.getQuestion();
            Message reply = new Message(query.getHeader().getID());
            reply.getHeader().setFlag(Flags.QR);
            reply.getHeader().setFlag(Flags.AA);
            if (question == null) {
                reply.getHeader().setRcode(Rcode.FORMERR);
            } else {
                reply.addRecord(question, Section.QUESTION);
                EndpointSimulator.Response r = simulator.call("dns");
                Thread.sleep(r.latencyMs());
                if (r.status() != 200) {
                    reply.getHeader().setRcode(Rcode.SERVFAIL);
                } else if (!question.getName().equals(Name.fromString(HOST + "."))) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                } else if (question.getType() == Type.A) {
                    reply.addRecord(new ARecord(question.getName(), DClass.IN, 0, LOOPBACK),
                            Section.ANSWER);
                } // AAAA and other types: NOERROR without an answer
            }
            byte[] out = reply.toWire();
            s.send(new DatagramPacket(out, out.length, to));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.debug("Sandbox DNS stand-in could not answer: {}", e.getMessage());
        }
    }
}
