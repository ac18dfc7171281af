package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.deliver.crypto.BatchProof;
import io.throughgate.deliver.crypto.SignedDeliveryInput;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The OpenSSL verification in {@code docs/subscribing.md} works as written: its script, taken from the document, run
 * with {@code bash} and {@code openssl} on messages the hub delivered, says "Verified OK", and refuses a message with
 * a changed audit path or another batch's proof. Batches of every size from 1 to 9, at every index, check the path
 * arithmetic of the script.
 */
@QuarkusTest
class DocumentedVerificationTest {

    private static final Path DOCUMENT = Path.of("docs/subscribing.md");
    /** The shell variables the document sets by hand from a message's headers; the test sets them from the message. */
    private static final Set<String> FROM_THE_MESSAGE = Set.of("AGENCY", "TOPIC", "AGREEMENT", "VERSION",
            "RECORD_ID", "KEY_ID", "SIZE", "INDEX", "AUDIT_PATH");
    private static final String AGENCY = "yot-brent";

    @Inject
    KafkaConnection kafka;

    @Inject
    DeliveryDispatcher dispatcher;

    @TempDir
    Path folder;

    @Test
    void theDocumentsScriptVerifiesMessagesTheHubDeliveredAndRefusesAnotherBatchsProof() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder batch = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            batch.append(TestRecords.release(id, marker, "yoi-feltham", AGENCY, TestIdentifiers.nhsNumber())
                    .replace("\n", " ")).append('\n');
        }
        TestClients.as("yoi-feltham").contentType("application/x-ndjson").body(batch.toString().getBytes(
                StandardCharsets.UTF_8)).when().post("/v1/records/batch").then().statusCode(200);
        // A batch's records may go in more than one writer transaction, each visible a moment after its commit.
        List<ConsumerRecord<String, byte[]>> delivered = List.of();
        for (int attempt = 0; attempt < 50 && delivered.size() < 4; attempt++) {
            delivered = Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox." + AGENCY, message -> ids
                    .contains(Inboxes.header(message, "ce_id")));
            if (delivered.size() < 4) {
                Thread.sleep(100);
            }
        }
        assertEquals(4, delivered.size());

        for (ConsumerRecord<String, byte[]> message : delivered) {
            assertTrue(run(message, headers(message)).contains("Verified OK"), "message " + Inboxes.header(message,
                    "ce_id"));
        }
        Map<String, String> otherBatch = headers(delivered.get(0));
        otherBatch.put("AUDIT_PATH", "f".repeat(64));
        otherBatch.put("SIZE", "2");
        otherBatch.put("INDEX", "1");
        assertFalse(run(delivered.get(0), otherBatch).contains("Verified OK"), "a changed proof");
    }

    @Test
    void theDocumentsPathArithmeticFitsEveryBatchSizeAndIndex() throws Exception {
        for (int size = 1; size <= 9; size++) {
            List<SignedDeliveryInput> inputs = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                inputs.add(new SignedDeliveryInput(AGENCY, "tg.inbox." + AGENCY, "london-resettlement-direct-care",
                        "2", UUID.randomUUID().toString(), dispatcher.signer().keyId()));
                values.add(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                leaves.add(inputs.get(i).leafHash(values.get(i)));
            }
            List<BatchProof> proofs = dispatcher.signer().signBatch(leaves);
            for (int i = 0; i < size; i++) {
                String output = run(values.get(i), proofs.get(i).signature(), variables(inputs.get(i), proofs.get(
                        i)));
                assertTrue(output.contains("Verified OK"), "leaf " + i + " of " + size + ": " + output);
                // A path with one hash too many does not fit the size, even when it starts with the right ones.
                Map<String, String> longer = variables(inputs.get(i), proofs.get(i));
                longer.put("AUDIT_PATH", (longer.get("AUDIT_PATH").isEmpty() ? "" : longer.get("AUDIT_PATH") + ",")
                        + "0".repeat(64));
                String refused = run(values.get(i), proofs.get(i).signature(), longer);
                assertTrue(refused.contains("does not fit") && !refused.contains("Verified OK"), "leaf " + i
                        + " of " + size + " with a longer path: " + refused);
                if (size > 1) {
                    // The neighbour's place: the path leads elsewhere, or does not fit.
                    Map<String, String> moved = variables(inputs.get(i), proofs.get(i));
                    moved.put("INDEX", String.valueOf((i + 1) % size));
                    assertFalse(run(values.get(i), proofs.get(i).signature(), moved).contains("Verified OK"),
                            "leaf " + i + " of " + size + " claiming index " + moved.get("INDEX"));
                }
            }
        }
    }

    private static Map<String, String> variables(SignedDeliveryInput input, BatchProof proof) {
        Map<String, String> variables = new HashMap<>();
        variables.put("AGENCY", input.recipient());
        variables.put("TOPIC", input.topic());
        variables.put("AGREEMENT", input.agreementId());
        variables.put("VERSION", input.agreementVersion());
        variables.put("RECORD_ID", input.recordId());
        variables.put("KEY_ID", input.keyId());
        variables.put("SIZE", String.valueOf(proof.treeSize()));
        variables.put("INDEX", String.valueOf(proof.leafIndex()));
        variables.put("AUDIT_PATH", proof.auditPathText());
        return variables;
    }

    /** The variables as a subscriber of the agency sets them from the message's headers. */
    private static Map<String, String> headers(ConsumerRecord<String, byte[]> message) {
        Map<String, String> variables = new HashMap<>();
        variables.put("AGENCY", AGENCY);
        variables.put("TOPIC", message.topic());
        variables.put("AGREEMENT", Inboxes.header(message, "tg_agreement_id"));
        variables.put("VERSION", Inboxes.header(message, "tg_agreement_version"));
        variables.put("RECORD_ID", Inboxes.header(message, "ce_id"));
        variables.put("KEY_ID", Inboxes.header(message, "tg_signature_key_id"));
        variables.put("SIZE", Inboxes.header(message, "tg_batch_size"));
        variables.put("INDEX", Inboxes.header(message, "tg_batch_leaf_index"));
        variables.put("AUDIT_PATH", Inboxes.header(message, "tg_batch_audit_path"));
        return variables;
    }

    private String run(ConsumerRecord<String, byte[]> message, Map<String, String> variables) throws Exception {
        return run(message.value(), Inboxes.header(message, "tg_signature"), variables);
    }

    /** Runs the document's script in a folder holding the message's files, as its text says to save them. */
    private String run(byte[] value, String signature, Map<String, String> variables) throws Exception {
        Files.write(folder.resolve("value.json"), value);
        Files.writeString(folder.resolve("signature.b64"), signature);
        Files.copy(Path.of("certs-dev/hub/signing.crt"), folder.resolve("hub-signing.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script()).directory(folder.toFile())
                .redirectErrorStream(true);
        bash.environment().putAll(variables);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script ends");
        return output;
    }

    /** The script of the section "Verifying one message with OpenSSL", without the lines that set the headers. */
    private static String script() throws IOException {
        String document = Files.readString(DOCUMENT);
        int section = document.indexOf("**Verifying one message with OpenSSL.**");
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(document);
        assertTrue(section >= 0 && block.find(section), "the section and its script are in " + DOCUMENT);
        return block.group(1).lines().filter(line -> !FROM_THE_MESSAGE.contains(line.split("=", 2)[0]))
                .collect(Collectors.joining("\n"));
    }
}
