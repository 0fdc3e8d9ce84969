package org.remediation.console.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Properties;
import javax.net.SocketFactory;
import org.remediation.console.base.egress.EgressPolicy;

/**
 * Sockets for the PostgreSQL driver, which resolves and connects by itself: each connects only where
 * the egress policy allows, checked on the address it connects to. The driver creates the factory
 * by class name with the connection's properties, which carry the policy ({@link #POLICY}).
 */
public final class EgressSocketFactory extends SocketFactory {

    /** The connection property that carries {@link EgressPolicy#spec()}. */
    static final String POLICY = "consoleEgressPolicy";

    private final EgressPolicy policy;

    public EgressSocketFactory(Properties info) {
        String spec = info.getProperty(POLICY);
        this.policy = spec == null ? EgressPolicy.DEFAULT : EgressPolicy.fromSpec(spec);
    }

    @Override
    public Socket createSocket() {
        return new Socket(Proxy.NO_PROXY) {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                InetSocketAddress a = (InetSocketAddress) endpoint;
                if (a.isUnresolved()) {
                    super.connect(policy.resolve(a.getHostString(), a.getPort()), timeout);
                } else {
                    policy.check(a.getHostString(), a.getAddress());
                    super.connect(a, timeout);
                }
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(InetSocketAddress.createUnresolved(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }
}
