package io.throughgate.identity;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.throughgate.devcerts.CertificateAuthority;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.devcerts.IssuedCertificate;
import io.throughgate.testing.TestClients;

/** Every API call is authenticated by its client certificate over real mutual TLS. */
@QuarkusTest
class ClientCertificateIdentityTest {

    private static final Instant NOW = Instant.now();
    private static final Path BOROUGH_CA = TestClients.CERTS.resolve("borough-ca");
    private static final Path TEST_CRLS = Path.of("target/test-crl");

    @Test
    void answersWhoamiWithTheCertificatesAgency() {
        TestClients.as("yot-camden")
                .when().get("/v1/whoami")
                .then().statusCode(200)
                .body("agency", equalTo("yot-camden"))
                .body("displayName", equalTo("Camden Youth Offending Team"))
                .body("kind", equalTo("yot"))
                .body("roles", contains("agency"));
    }

    @Test
    void seesTheDpoRoleInADpoCertificate() {
        TestClients.asDpo("yoi-feltham")
                .when().get("/v1/whoami")
                .then().statusCode(200)
                .body("agency", equalTo("yoi-feltham"))
                .body("roles", contains("agency", "dpo"));
    }

    @Test
    void refusesARequestWithoutACertificate() {
        expectProblem(TestClients.anonymous(), 401, "no-client-certificate");
    }

    @Test
    void refusesACertificateFromAnUnknownCa() {
        CertificateAuthority stranger = DevelopmentCertificates.newAuthority("Stranger CA", Duration.ofDays(30));
        IssuedCertificate certificate = DevelopmentCertificates.issueClientCertificate(stranger, "yot-camden",
                List.of("urn:throughgate:agency:yot-camden"), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
        expectProblem(present(certificate), 401, "untrusted-certificate");
    }

    @Test
    void refusesAnExpiredCertificate() throws IOException {
        IssuedCertificate certificate = DevelopmentCertificates.issueClientCertificate(developmentCa(), "yot-camden",
                List.of("urn:throughgate:agency:yot-camden"), NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(35)));
        expectProblem(present(certificate), 401, "certificate-expired");
    }

    @Test
    void refusesAnAgencyThatIsNotInTheDirectory() throws IOException {
        IssuedCertificate certificate = DevelopmentCertificates.issueClientCertificate(developmentCa(),
                "yot-city-of-london", List.of("urn:throughgate:agency:yot-city-of-london"), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));
        expectProblem(present(certificate), 403, "unknown-agency")
                .body("detail", containsString("yot-city-of-london"));
    }

    @Test
    void refusesAnAgencyNoLongerInForce() {
        expectProblem(TestClients.as("yoi-cookham-wood"), 403, "agency-not-in-force");
    }

    @Test
    void refusesACertificateNamingNoAgency() throws IOException {
        IssuedCertificate certificate = DevelopmentCertificates.issueClientCertificate(developmentCa(), "nobody",
                List.of("urn:throughgate:role:dpo"), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
        expectProblem(present(certificate), 403, "certificate-without-agency");
    }

    @Test
    void acceptsCamdensCertificateFromTheCaPinnedForCamden() {
        TestClients.withKeyStore(BOROUGH_CA.resolve("yot-camden/yot-camden.p12"))
                .when().get("/v1/whoami")
                .then().statusCode(200)
                .body("agency", equalTo("yot-camden"))
                .body("roles", contains("agency"));
    }

    @Test
    void refusesThePartnershipsIdentityFromABoroughsCa() {
        expectProblem(TestClients.withKeyStore(BOROUGH_CA.resolve(
                "partnership-london-resettlement/partnership-london-resettlement-dpo.p12")), 403, "issuer-not-pinned")
                .body("detail", containsString("partnership-london-resettlement"))
                .body("detail", containsString("throughgate-dev"));
    }

    @Test
    void refusesAnotherAgencysIdentityFromABoroughsCa() throws IOException {
        IssuedCertificate feltham = DevelopmentCertificates.issueClientCertificate(boroughCa(), "yoi-feltham",
                List.of("urn:throughgate:agency:yoi-feltham"), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
        expectProblem(present(feltham), 403, "issuer-not-pinned")
                .body("detail", containsString("yoi-feltham"));
    }

    @Test
    void refusesTheDpoRoleFromACaNotGrantedIt() {
        expectProblem(TestClients.withKeyStore(BOROUGH_CA.resolve("yot-camden/yot-camden-dpo.p12")), 403,
                "issuer-not-granted")
                .body("detail", containsString("camden-dev"))
                .body("detail", containsString("data protection officer"));
    }

    @Test
    void refusesACertificateWithoutTheClientAuthenticationPurpose() throws IOException {
        IssuedCertificate serverOnly = DevelopmentCertificates.issueServerOnlyCertificate(developmentCa(),
                "yot-camden", List.of("urn:throughgate:agency:yot-camden"), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));
        expectProblem(present(serverOnly), 401, "certificate-not-for-clients");
    }

    @Test
    void refusesACertificateOnceItsCaRevokesItEvenWhileItsVerificationIsCached() throws Exception {
        CertificateAuthority ca = developmentCa();
        IssuedCertificate camden = DevelopmentCertificates.issueClientCertificate(ca, "yot-camden",
                List.of("urn:throughgate:agency:yot-camden"), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
        present(camden).when().get("/v1/whoami").then().statusCode(200);

        Path crl = TEST_CRLS.resolve("throughgate-dev-" + camden.certificate().getSerialNumber() + ".crl");
        Files.createDirectories(TEST_CRLS);
        try {
            Files.write(crl, DevelopmentCertificates.revocationList(ca,
                    List.of(camden.certificate().getSerialNumber())).getEncoded());
            // The reload interval in tests is half a second; the verification cache holds for five minutes.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> expectProblem(present(camden), 401,
                    "certificate-revoked"));
            TestClients.as("yot-camden").when().get("/v1/whoami").then().statusCode(200);
        } finally {
            Files.deleteIfExists(crl);
        }
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        expectProblem(TestClients.as("yot-camden").when().get("/v1/nothing-here").then(), 404, "not-found");
    }

    private static ValidatableResponse expectProblem(RequestSpecification request, int status, String code) {
        return expectProblem(request.when().get("/v1/whoami").then(), status, code);
    }

    private static ValidatableResponse expectProblem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:throughgate:problem:" + code))
                .body("detail", not(containsString("Exception")));
    }

    private static RequestSpecification present(IssuedCertificate certificate) {
        return TestClients.withKey(certificate.privateKey(),
                certificate.chain().toArray(X509Certificate[]::new));
    }

    private static CertificateAuthority boroughCa() throws IOException {
        return CertificateAuthority.load(BOROUGH_CA.resolve("ca.crt"), BOROUGH_CA.resolve("ca.key"));
    }

    private static CertificateAuthority developmentCa() throws IOException {
        return CertificateAuthority.load(TestClients.CERTS.resolve("ca/ca.crt"),
                TestClients.CERTS.resolve("ca/ca.key"));
    }
}
