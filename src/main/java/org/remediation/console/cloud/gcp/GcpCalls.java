package org.remediation.console.cloud.gcp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.remediation.console.cloud.CloudException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Google API call and translates what it throws into a {@link CloudException}. Reads are
 * retried, bounded, with exponential backoff and full jitter when Google answered 429, 500 or 503.
 * Changes ({@link #mutate}) are sent exactly once: the action executor is the one retry layer for
 * them, because only it can look for the operation an ambiguous answer may have started.
 * <p>
 * Hand-written rather than Resilience4j: the whole policy is these few lines, it must share the
 * error translation (the retry decision is made on the translated kind), and tests swap the sleep.
 */
final class GcpCalls {

    private static final Logger log = LoggerFactory.getLogger(GcpCalls.class);

    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final GcpProperties.Retry retry;
    private final String project;
    private final Sleeper sleeper;

    GcpCalls(GcpProperties.Retry retry, String project, Sleeper sleeper) {
        this.retry = retry;
        this.project = project;
        this.sleeper = sleeper;
    }

    /**
     * Sends a change once. An answer that does not say whether Google accepted it (a timeout, 500,
     * 503, a broken connection) becomes {@link CloudException.Kind#OUTCOME_UNKNOWN}.
     */
    <T> T mutate(String api, Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            CloudException error = GcpErrors.translate(e, api, project);
            boolean wire = fromTheWire(e);
            switch (error.kind()) {
                case DEADLINE_EXCEEDED, UNAVAILABLE, INTERNAL_ERROR -> throw !wire ? error : new CloudException(
                        CloudException.Kind.OUTCOME_UNKNOWN, api + " gave no clear answer to the change (" + error.getMessage()
                        + "); it may or may not have been accepted.", error);
                default -> throw error;
            }
        }
    }

    /**
     * Whether the failure came from talking to Google (an answer, a transport error) rather than from
     * building the request locally: only then can the change have reached Google.
     */
    private static boolean fromTheWire(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.google.api.gax.rpc.ApiException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** Runs a read, retrying 429, 500 and 503 answers with backoff. */
    <T> T call(String api, Call<T> call) {
        int attempts = Math.max(1, retry.maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (Exception e) {
                CloudException error = GcpErrors.translate(e, api, project);
                if (!error.kind().retryable() || attempt >= attempts) {
                    throw error;
                }
                Duration pause = backoff(attempt);
                log.info("{} answered {} (attempt {} of {}); retrying in {} ms", api, error.kind(), attempt,
                        attempts, pause.toMillis());
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw error;
                }
            }
        }
    }

    /** Full jitter: uniformly random between zero and the capped exponential backoff. */
    Duration backoff(int attempt) {
        double ceiling = retry.initialBackoff().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
        long capped = (long) Math.min(ceiling, retry.maxBackoff().toMillis());
        return Duration.ofMillis(capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped + 1));
    }
}
