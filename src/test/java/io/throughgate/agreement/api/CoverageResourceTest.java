package io.throughgate.agreement.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.testing.TestClients;

/** The partnership sees where the signing of agreements with the 32 boroughs stands. */
@QuarkusTest
class CoverageResourceTest {

    private static final String DIRECT_CARE = "london-resettlement-direct-care";

    @Test
    void listsThe32BoroughYotsInDirectoryOrder() {
        TestClients.asDpo("partnership-london-resettlement")
                .when().get("/v1/agreements/coverage")
                .then().statusCode(200)
                .body("boroughs", hasSize(32))
                .body("boroughs[0].agency", equalTo("yot-barking-and-dagenham"))
                .body("boroughs[0].gssCode", equalTo("E09000002"))
                .body("boroughs[31].agency", equalTo("yot-westminster"))
                .body("boroughs[31].displayName", equalTo("Westminster Youth Offending Team"))
                .body("boroughs.agency", everyItem(startsWith("yot-")));
    }

    @Test
    void showsEveryBoroughAsPartyToTheDirectCareAgreementWithItsDpoSigned() {
        TestClients.as("yot-camden")
                .when().get("/v1/agreements/coverage")
                .then().statusCode(200)
                .body("boroughs.findAll { b -> b.agreements.any { it.id == '" + DIRECT_CARE
                        + "' && it.dpoSigned && it.status == 'IN_FORCE' } }", hasSize(32));
    }

    @Test
    void countsTheBoroughsPartyToEachAgreementAndThoseThatSigned() {
        String directCare = "summary.find { it.id == '" + DIRECT_CARE + "' }";
        TestClients.as("yot-camden")
                .when().get("/v1/agreements/coverage")
                .then().statusCode(200)
                .body(directCare + ".boroughsParty", equalTo(32))
                .body(directCare + ".boroughsSigned", equalTo(32))
                .body(directCare + ".title", equalTo("London resettlement direct care"));
    }

    @Test
    void isNotTakenForAnAgreementId() {
        TestClients.as("yot-camden")
                .when().get("/v1/agreements/coverage")
                .then().statusCode(200)
                .contentType("application/json")
                .body("code", nullValue())
                .body("summary.id", hasItem(DIRECT_CARE));
    }
}
