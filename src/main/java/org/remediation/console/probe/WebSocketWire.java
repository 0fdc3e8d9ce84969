package org.remediation.console.probe;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The client side of RFC 6455 on a socket the probe connected itself, to the address the egress
 * policy checked: the JDK's WebSocket client resolves names on its own, which left a DNS-rebinding
 * window (issue 16). Only what a probe needs: the opening handshake, one masked text message out,
 * one text message in (fragments joined, pings answered, at most {@link WebSocketProbe#MAX_MESSAGE}).
 */
final class WebSocketWire {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEADER = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataInputStream in;
    private final OutputStream out;

    private WebSocketWire(DataInputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Sends the opening handshake and checks the server's 101 answer and its accept key. */
    static WebSocketWire open(java.net.Socket channel, URI uri, String hostHeader) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + "User-Agent: remediation-console-probe\r\n\r\n";
        OutputStream out = channel.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(channel.getInputStream()));
        String[] lines = header(in).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[1].equals("101")) {
            throw new ProtocolException("the server answered '" + lines[0] + "' instead of switching to WebSocket (101)");
        }
        String accept = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")) {
                accept = lines[i].substring(colon + 1).strip();
            }
        }
        if (!expectedAccept(key).equals(accept)) {
            throw new ProtocolException("the server's Sec-WebSocket-Accept does not answer our key (not a WebSocket server)");
        }
        return new WebSocketWire(in, out);
    }

    static String expectedAccept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static String header(DataInputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("the server closed the connection during the WebSocket handshake");
            }
            buf.write(b);
            if (buf.size() > MAX_HEADER) {
                throw new ProtocolException("the handshake answer is longer than " + MAX_HEADER + " bytes");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Client frames are masked (RFC 6455 §5.3). */
    private void send(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) payload.length >>> shift) & 0xFF));
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next text message; binary and pong frames are skipped, pings answered, a close is an error. */
    String readText(int max) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean inText = false;
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            boolean collecting = opcode == 0x1 || (opcode == 0x0 && inText);
            if (length < 0 || length > max - (collecting ? text.size() : 0)) { // no sum: a 64-bit length must not overflow
                throw new ProtocolException("the reply is longer than " + max + " bytes");
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                throw new java.io.EOFException("the server closed the connection mid-message");
            }
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
            }
            switch (opcode) {
                case 0x8 -> throw new ProtocolException("the server closed the WebSocket"
                        + (payload.length >= 2 ? " (code " + (((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF)) + ")" : ""));
                case 0x9 -> send(0xA, payload);
                case 0x1, 0x0 -> {
                    if (collecting) {
                        inText = true;
                        text.write(payload);
                        if (fin) {
                            return text.toString(StandardCharsets.UTF_8);
                        }
                    }
                }
                default -> {
                    // binary (0x2) and pong (0xA): not the text reply the probe waits for
                }
            }
        }
    }

    /** A polite close; the socket is closed by its owner right after. */
    void close() {
        try {
            send(0x8, new byte[] {0x03, (byte) 0xE8}); // 1000: normal closure
        } catch (IOException ignored) {
            // the server may have gone already: nothing to tell it
        }
    }
}
