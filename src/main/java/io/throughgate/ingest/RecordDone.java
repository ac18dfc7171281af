package io.throughgate.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

import io.throughgate.exchange.IngestContext;

/**
 * The routes' test for "no later step may run": the record failed, or was found delivered before. A plain predicate
 * rather than a Simple expression, because the routes ask it before every step of every record.
 */
@ApplicationScoped
@Named("recordDone")
public class RecordDone implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof IngestContext context && context.done();
    }
}
