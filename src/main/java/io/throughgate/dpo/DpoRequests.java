package io.throughgate.dpo;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.core.Response;

import org.apache.kafka.common.KafkaException;

import io.throughgate.api.ProblemResponses;
import io.throughgate.audit.DpoScope;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.Caller;
import io.throughgate.sharinglog.SharingLog;

/** What every DPO request of the sharing log does first: check the certificate, and let the index catch up. */
final class DpoRequests {

    /** How long a DPO request waits for the index to hold every event committed before it. */
    static final Duration CATCH_UP = Duration.ofSeconds(10);

    /** A DPO's request, given the DPO's scope. */
    interface Answer {

        Response answer(DpoScope dpo) throws SQLException;
    }

    private DpoRequests() {
    }

    /**
     * Answers a DPO: 403 for any other certificate, 503 when the log cannot be read up to date.
     *
     * @param caller the caller
     * @param log the sharing log, brought up to date first
     * @param answer the answer for a DPO
     */
    static Response asDpo(Caller caller, SharingLog log, Answer answer) {
        Optional<DpoScope> dpo = DpoScope.of(caller.identity());
        if (dpo.isEmpty()) {
            return ProblemResponses.of(ErrorCode.DPO_ONLY, "Only a data protection officer's certificate reads the "
                    + "sharing log.");
        }
        try {
            log.awaitIndexed(CATCH_UP);
            return answer.answer(dpo.get());
        } catch (TimeoutException | SQLException | KafkaException e) {
            return unavailable();
        }
    }

    /** The answer when the database or Kafka cannot be reached. */
    static Response unavailable() {
        return ProblemResponses.of(ErrorCode.SHARING_LOG_UNAVAILABLE, "The sharing log cannot be read up to date "
                + "just now; nothing was disclosed. Try again shortly.");
    }
}
