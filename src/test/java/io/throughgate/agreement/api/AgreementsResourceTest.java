package io.throughgate.agreement.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.testing.TestClients;

/** Partners and their DPOs read the shipped agreements over mutual TLS. */
@QuarkusTest
class AgreementsResourceTest {

    private static final String DIRECT_CARE = "london-resettlement-direct-care";
    private static final String DIRECT_CARE_ENTRY = "find { it.id == '" + DIRECT_CARE + "' }";

    @Test
    void listsEveryShippedAgreement() {
        TestClients.as("yot-camden")
                .when().get("/v1/agreements")
                .then().statusCode(200)
                .body("id", hasItems(DIRECT_CARE, "london-resettlement-health", "london-resettlement-evaluation",
                        "transition-to-probation"));
    }

    @Test
    void listsTheDirectCareAgreementAsInForceAndSignedByEveryParty() {
        TestClients.as("yot-camden")
                .when().get("/v1/agreements")
                .then().statusCode(200)
                .body(DIRECT_CARE_ENTRY + ".status", equalTo("IN_FORCE"))
                .body(DIRECT_CARE_ENTRY + ".reasons", empty())
                .body(DIRECT_CARE_ENTRY + ".title", equalTo("London resettlement direct care"))
                .body(DIRECT_CARE_ENTRY + ".version", equalTo(3))
                .body(DIRECT_CARE_ENTRY + ".validFrom", equalTo("2025-04-01"))
                .body(DIRECT_CARE_ENTRY + ".parties", equalTo(53))
                .body(DIRECT_CARE_ENTRY + ".partiesSigned", equalTo(53))
                .body(DIRECT_CARE_ENTRY + ".sha256", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void letsAnAgencyThatIsNoPartyReadAnAgreement() {
        TestClients.as("eval-mopac")
                .when().get("/v1/agreements/" + DIRECT_CARE)
                .then().statusCode(200)
                .body("id", equalTo(DIRECT_CARE));
    }

    @Test
    void showsTheAgreementsPurposesWithTitlesAndDpvTerms() {
        TestClients.asDpo("yoi-feltham")
                .when().get("/v1/agreements/" + DIRECT_CARE)
                .then().statusCode(200)
                .body("content.purposes[0].id", equalTo("direct-care-resettlement"))
                .body("content.purposes[0].dpvTerm", equalTo("dpv:ServiceProvision"))
                .body("content.purposes[0].title", startsWith("Resettlement planning"));
    }

    @Test
    void showsThePartiesAsWrittenAndAsExpandedWithNames() {
        TestClients.asDpo("yoi-feltham")
                .when().get("/v1/agreements/" + DIRECT_CARE)
                .then().statusCode(200)
                .body("content.parties.selector.kinds", hasItems("yot", "yoi"))
                .body("content.parties.selector.agencies", hasItem("ycs-placements"))
                .body("content.parties.agencies", hasSize(53))
                .body("content.parties.agencies.find { it.code == 'yot-camden' }.displayName",
                        equalTo("Camden Youth Offending Team"))
                .body("content.parties.agencies.code", not(hasItem("yoi-cookham-wood")))
                .body("content.jointControllers", equalTo(false));
    }

    @Test
    void showsTheLawfulBasisWithDpvTermsAndScheduleOneDescriptions() {
        TestClients.asDpo("yoi-feltham")
                .when().get("/v1/agreements/" + DIRECT_CARE)
                .then().statusCode(200)
                .body("content.lawfulBasis.article6.code", equalTo("public-task"))
                .body("content.lawfulBasis.article6.dpvTerm", equalTo("dpv-gdpr:A6-1-e"))
                .body("content.lawfulBasis.article9.dpvTerm", hasItem("dpv-gdpr:A9-2-g"))
                .body("content.lawfulBasis.schedule1.find { it.code == 'para-18-safeguarding' }.description",
                        containsString("safeguarding of children"))
                .body("content.lawfulBasis.statutoryGateways", hasItem("Crime and Disorder Act 1998 s115"));
    }

    @Test
    void showsTheGovernanceItemsOfTheDataSharingCode() {
        TestClients.asDpo("yoi-feltham")
                .when().get("/v1/agreements/" + DIRECT_CARE)
                .then().statusCode(200)
                .body("content.dpia.reference", equalTo("DPIA-LRP-2025-001"))
                .body("content.retention", containsString("six years"))
                .body("content.security", containsString("mutual TLS"))
                .body("content.individualsRights", containsString("subject access"))
                .body("content.reviewDate", equalTo("2027-03-31"))
                .body("content.validUntil", equalTo("2028-03-31"))
                .body("content.contacts.role", hasItem("agreement owner"));
    }

    @Test
    void showsTheFlowsAsWritten() {
        TestClients.asDpo("yoi-feltham")
                .when().get("/v1/agreements/" + DIRECT_CARE)
                .then().statusCode(200)
                .body("content.flows.find { it.id == 'release-to-ycs-placements' }.recipients[0].agency",
                        equalTo("ycs-placements"))
                .body("content.flows.find { it.id == 'release-to-ycs-placements' }.fields.find { "
                        + "it.field == '/subject/dateOfBirth' }.rule", equalTo("generalise:year-month"));
    }

    @Test
    void showsEveryPartysValidSignatureAndNoProblems() {
        TestClients.asDpo("yoi-feltham")
                .when().get("/v1/agreements/" + DIRECT_CARE)
                .then().statusCode(200)
                .body("status", equalTo("IN_FORCE"))
                .body("signatures", hasSize(53))
                .body("signatures.outcome", everyItem(equalTo("VALID")))
                .body("signatures.find { it.party == 'yot-camden' }.detail",
                        equalTo("signed by the data protection officer of yot-camden"))
                .body("signatures.find { it.party == 'yot-camden' }.signedAt", not(equalTo(null)))
                .body("partiesNotSigned", empty())
                .body("problems", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/matrix", "/odrl"})
    void answersAnUnknownAgreementWithAProblem(String subPath) {
        TestClients.as("yot-camden")
                .when().get("/v1/agreements/no-such-agreement" + subPath)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("code", equalTo("agreement-not-found"))
                .body("type", equalTo("urn:throughgate:problem:agreement-not-found"))
                .body("title", equalTo("Agreement not found"))
                .body("detail", equalTo("No agreement has the id 'no-such-agreement'."));
    }

    @Test
    void doesNotRepeatAnIdThatIsNotOfTheAgreementsForm() {
        TestClients.as("yot-camden")
                .when().get("/v1/agreements/Robert'); DROP TABLE")
                .then().statusCode(404)
                .body("code", equalTo("agreement-not-found"))
                .body("detail", equalTo("No agreement has this id."));
    }

    @Test
    void refusesARequestWithoutACertificate() {
        TestClients.anonymous()
                .when().get("/v1/agreements")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("no-client-certificate"));
    }

    @Test
    void listsTheNhsNumberInTheReleaseNotificationMatrix() {
        String supervisingYot = "entries.find { it.flow == 'release-to-supervising-yot' }";
        TestClients.asDpo("yot-camden")
                .when().get("/v1/agreements/" + DIRECT_CARE + "/matrix")
                .then().statusCode(200)
                .body("agreement", equalTo(DIRECT_CARE))
                .body(supervisingYot + ".recordType", equalTo("release-notification"))
                .body(supervisingYot + ".recipient", equalTo("agency named at /body/supervisingYot (yot)"))
                .body(supervisingYot + ".senders.kinds", hasItems("yoi", "stc", "sch", "ssc"))
                .body(supervisingYot + ".fields.find { it.field == '/subject/nhsNumber' }.action",
                        equalTo("pseudonymise"))
                .body(supervisingYot + ".fields.find { it.field == '/recordId' }.reason",
                        equalTo("envelope metadata"));
    }

    @Test
    void showsTheFieldsAFlowDoesNotNameAsWithheld() {
        String placements = "entries.find { it.flow == 'release-to-ycs-placements' }";
        TestClients.asDpo("yot-camden")
                .when().get("/v1/agreements/" + DIRECT_CARE + "/matrix")
                .then().statusCode(200)
                .body(placements + ".fields.find { it.field == '/subject/nhsNumber' }.action", equalTo("withhold"))
                .body(placements + ".fields.find { it.field == '/subject/nhsNumber' }.reason",
                        equalTo("not named in the agreement"))
                .body(placements + ".fields.findAll { it.field == '/recordId' }", hasSize(1));
    }

    @Test
    void exportsTheAgreementAsAnOdrlPolicy() {
        TestClients.as("yot-camden")
                .when().get("/v1/agreements/" + DIRECT_CARE + "/odrl")
                .then().statusCode(200)
                .contentType(OdrlExport.MEDIA_TYPE)
                .body("'@type'", equalTo("Agreement"))
                .body("uid", equalTo("urn:throughgate:agreement:" + DIRECT_CARE + ":3"))
                .body("conflict", equalTo("prohibit"))
                .body("permission.target", hasItem("urn:throughgate:field:release-notification#/subject/nhsNumber"));
    }
}
