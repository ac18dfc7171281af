package io.throughgate.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.RecordMetadata;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.api.Problem;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.identity.AgencyIdentity;
import io.throughgate.json.Json;

/**
 * One record on its way through the ingestion route: what each step found, and the first failure, after which
 * every later step passes it on untouched. One exchange's body; never shared between threads at once.
 */
public final class IngestContext {

    private final byte[] body;
    private final AgencyIdentity caller;
    private final Instant receivedAt;
    private final LocalDate today;
    private final long arrivedAt;
    private JsonNode record;
    private UUID recordId;
    private String contentSha256;
    private UUID claimToken;
    private boolean committed;
    private Routing routing;
    private List<String> subjectPseudonyms = List.of();
    private final List<Gated> gated = new ArrayList<>();
    private CompletableFuture<List<RecordMetadata>> written;
    private Receipt receipt;
    private String storedReceipt;
    private Failure failure;
    private List<Problem.Violation> violations = List.of();

    /**
     * A record for one recipient, gated.
     *
     * @param delivery where it goes
     * @param gated what goes
     */
    public record Gated(PlannedDelivery delivery, GatedRecord gated) {
    }

    public IngestContext(byte[] body, AgencyIdentity caller, Instant receivedAt, LocalDate today) {
        this(body, caller, receivedAt, today, System.nanoTime());
    }

    private IngestContext(byte[] body, AgencyIdentity caller, Instant receivedAt, LocalDate today, long arrivedAt) {
        this.body = body;
        this.caller = caller;
        this.receivedAt = receivedAt;
        this.today = today;
        this.arrivedAt = arrivedAt;
    }

    /** A context for one line of a batch: the batch's caller, and the moment the batch arrived. */
    public IngestContext line() {
        return new IngestContext(null, caller, receivedAt, today, arrivedAt);
    }

    /**
     * {@link System#nanoTime()} when the record arrived (for a batch's line, the batch): the consent it is checked
     * against includes every decision acknowledged before then.
     */
    public long arrivedAt() {
        return arrivedAt;
    }

    /** Whether an earlier step failed. */
    public boolean failed() {
        return failure != null;
    }

    /** Fails the record. */
    public void fail(Failure failure) {
        this.failure = failure;
    }

    /** Fails the record with every field violation. */
    public void fail(ErrorCode code, String message, List<Problem.Violation> violations) {
        this.failure = Failure.of(code, message);
        this.violations = List.copyOf(violations);
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    /** The record as received: the body, or for a batch line the parsed record written back as JSON. */
    public byte[] body() {
        return body != null ? body : record == null ? new byte[0] : io.throughgate.json.Json.bytes(record);
    }

    /** Takes a record already parsed (a batch line), or its parse failure. */
    public void parsed(io.throughgate.failure.Result<JsonNode> result) {
        result.fold(parsed -> record = parsed, failure -> this.failure = failure);
    }

    public AgencyIdentity caller() {
        return caller;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate today() {
        return today;
    }

    public JsonNode record() {
        return record;
    }

    public void record(JsonNode parsed) {
        this.record = parsed;
    }

    public UUID recordId() {
        return recordId;
    }

    public void claimed(UUID id, String sha256, UUID token) {
        this.recordId = id;
        this.contentSha256 = sha256;
        this.claimToken = token;
    }

    public String contentSha256() {
        return contentSha256;
    }

    /** Whether this request holds the claim on the record id (and must complete or release it). */
    public boolean claimed() {
        return claimToken != null;
    }

    /** The token of this request's claim, which completing or releasing it must name. */
    public UUID claimToken() {
        return claimToken;
    }

    /**
     * Whether the record's transaction committed: from then on its claim is never released, whatever fails after,
     * so that a retry gets the receipt and never delivers again.
     */
    public boolean committed() {
        return committed;
    }

    public void committed(boolean committed) {
        this.committed = committed;
    }

    public Routing routing() {
        return routing;
    }

    public void routing(Routing routing) {
        this.routing = routing;
    }

    /** The child's hub-wide pseudonyms, for the sharing log. */
    public List<String> subjectPseudonyms() {
        return subjectPseudonyms;
    }

    public void subjectPseudonyms(List<String> pseudonyms) {
        this.subjectPseudonyms = List.copyOf(pseudonyms);
    }

    public List<Gated> gated() {
        return gated;
    }

    public CompletableFuture<List<RecordMetadata>> written() {
        return written;
    }

    public void written(CompletableFuture<List<RecordMetadata>> written) {
        this.written = written;
    }

    /** The receipt of a record accepted now. */
    public Optional<Receipt> receipt() {
        return Optional.ofNullable(receipt);
    }

    public void receipt(Receipt receipt) {
        this.receipt = receipt;
    }

    /** The receipt of the same record accepted before (a retry), as stored. */
    public Optional<String> storedReceipt() {
        return Optional.ofNullable(storedReceipt);
    }

    public void storedReceipt(String json) {
        this.storedReceipt = json;
    }

    /** Whether the record needs no more work: failed, or already delivered before. */
    public boolean done() {
        return failed() || storedReceipt != null;
    }
}
