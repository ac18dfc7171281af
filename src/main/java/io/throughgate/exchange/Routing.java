package io.throughgate.exchange;

import java.util.List;

/**
 * Where a record goes.
 *
 * @param senderPermitted whether any agreement in force lets the sender send this record type at all
 * @param deliveries the recipients, each under one agreement and flow
 * @param unrouted why a recipient rule of a matching flow sent the record nowhere (for the receipt)
 */
public record Routing(boolean senderPermitted, List<PlannedDelivery> deliveries, List<String> unrouted) {

    public Routing {
        deliveries = List.copyOf(deliveries);
        unrouted = List.copyOf(unrouted);
    }
}
