package org.remediation.console.probe;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads an HTTP/1.1 response: status line, headers, and up to 64 KiB of body for matching (or a limit given). */
final class HttpResponseReader {

    static final int BODY_LIMIT = 64 * 1024;

    /** @param cut whether the body was longer than the limit and only its start is kept */
    record Response(int status, String body, boolean cut) {
    }

    private HttpResponseReader() {
    }

    static Response read(InputStream in, Socket socket, Run run) throws IOException {
        return read(in, socket, run, BODY_LIMIT);
    }

    static Response read(InputStream in, Socket socket, Run run, int bodyLimit) throws IOException {
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
            return new Response(status, "", false);
        }
        socket.setSoTimeout(run.remainingMillis());
        long total = 0;
        if (chunked) {
            for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                total += copy(in, body, size, socket, run, bodyLimit);
                line(in);
            }
        } else {
            total = copy(in, body, contentLength, socket, run, bodyLimit);
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8), total > body.size());
    }

    private static long chunkSize(InputStream in) throws IOException {
        String l = line(in);
        int semi = l.indexOf(';');
        return Long.parseLong((semi < 0 ? l : l.substring(0, semi)).strip(), 16);
    }

    /** Copies {@code length} bytes (or until EOF when negative), keeping only the first {@code limit}; returns how many were read. */
    private static long copy(InputStream in, ByteArrayOutputStream body, long length, Socket socket, Run run, int limit)
            throws IOException {
        byte[] buf = new byte[8192];
        long left = length < 0 ? Long.MAX_VALUE : length;
        long read = 0;
        while (left > 0) {
            socket.setSoTimeout(run.remainingMillis());
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                if (length >= 0) {
                    throw new EOFException("the response body ended early");
                }
                return read;
            }
            int keep = Math.max(0, Math.min(n, limit - body.size()));
            body.write(buf, 0, keep);
            left -= n;
            read += n;
        }
        return read;
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
