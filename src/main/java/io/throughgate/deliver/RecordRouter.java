package io.throughgate.deliver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.throughgate.agreement.AgreementRegistry;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.Routing;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;

/** Route step: chooses the recipients from the agreements in force; refuses a sender no agreement lets send. */
@ApplicationScoped
@Named("recordRouter")
public class RecordRouter {

    @Inject
    AgreementRegistry agreements;

    @Inject
    AgencyDirectory directory;

    private RecipientResolver resolver;

    /** Routes the record, or fails it when no agreement in force lets the sender send its type. */
    public IngestContext route(IngestContext context) {
        if (resolver == null) {
            resolver = new RecipientResolver(directory);
        }
        Routing routing = resolver.route(context.record(), context.caller().agency(), agreements.inForceStatesOn(
                context.today()), context.today());
        if (!routing.senderPermitted()) {
            context.fail(Failure.of(ErrorCode.NO_AGREEMENT, "No agreement in force lets "
                    + context.caller().agency().code() + " send " + context.record().path("type").asText()
                    + " records."));
            return context;
        }
        context.routing(routing);
        return context;
    }
}
