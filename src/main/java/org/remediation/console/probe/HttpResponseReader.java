package org.remediation.console.probe;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads an HTTP/1.1 response: status line, headers, and up to 64 KiB of body for matching. */
final class HttpResponseReader {

    private static final int BODY_LIMIT = 64 * 1024;

    record Response(int status, String body) {
    }

    private HttpResponseReader() {
    }

    static Response read(InputStream in, Socket socket, Run run) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the server closed the connection without answering");
        }
        run.phase("ttfbMs");
        String statusLine = (char) first + line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long contentLength = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (status == 204 || status == 304 || contentLength == 0) {
            return new Response(status, "");
        }
        socket.setSoTimeout(run.remainingMillis());
        if (chunked) {
            for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                copy(in, body, size, socket, run);
                line(in);
            }
        } else {
            copy(in, body, contentLength, socket, run);
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private static long chunkSize(InputStream in) throws IOException {
        String l = line(in);
        int semi = l.indexOf(';');
        return Long.parseLong((semi < 0 ? l : l.substring(0, semi)).strip(), 16);
    }

    /** Copies {@code length} bytes (or until EOF when negative), keeping only the first 64 KiB. */
    private static void copy(InputStream in, ByteArrayOutputStream body, long length, Socket socket, Run run)
            throws IOException {
        byte[] buf = new byte[8192];
        long left = length < 0 ? Long.MAX_VALUE : length;
        while (left > 0) {
            socket.setSoTimeout(run.remainingMillis());
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                if (length >= 0) {
                    throw new EOFException("the response body ended early");
                }
                return;
            }
            int keep = Math.max(0, Math.min(n, BODY_LIMIT - body.size()));
            body.write(buf, 0, keep);
            left -= n;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the response ended inside its headers");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
            if (sb.length() > 16384) {
                throw new IOException("response header line too long");
            }
        }
        return sb.toString();
    }
}
