package org.remediation.console.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** A tiny UDP DNS server: {@code known.test.} → 10.1.2.3, everything else NXDOMAIN. */
final class DnsResponder implements AutoCloseable {

    private final DatagramSocket socket;

    DnsResponder() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                socket.receive(in);
                Message query = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                Message reply = new Message(query.getHeader().getID());
                reply.getHeader().setFlag(Flags.QR);
                reply.addRecord(query.getQuestion(), Section.QUESTION);
                Name name = query.getQuestion().getName();
                if (name.equals(Name.fromString("known.test."))) {
                    reply.addRecord(new ARecord(name, DClass.IN, 60, InetAddress.getByName("10.1.2.3")), Section.ANSWER);
                } else {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                byte[] out = reply.toWire();
                socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
