package io.throughgate.watch;

import java.time.Duration;
import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.throughgate.sharinglog.SharingLog;
import io.throughgate.timeliness.Timelines;

/**
 * Deletes each child's timeline a configured time after their release ({@code throughgate.timeliness
 * .keep-after-release}, 90 days unless set), on the sharing log's indexer thread once an hour.
 */
@ApplicationScoped
public class TimelineExpiry implements SharingLog.AfterIndexing {

    private static final Logger LOG = Logger.getLogger(TimelineExpiry.class);

    @Inject
    Timelines timelines;

    @Inject
    TimelinessConfig config;

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() throws Exception {
        Period keepAfterRelease = config.keepAfterRelease();
        int deleted = timelines.expire(keepAfterRelease);
        if (deleted > 0) {
            LOG.infof("deleted %d timelines of children released more than %s ago", deleted, keepAfterRelease);
        }
    }
}
