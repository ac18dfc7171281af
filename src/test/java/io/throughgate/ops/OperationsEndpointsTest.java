package io.throughgate.ops;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.testing.TestClients;

/** Health, metrics and the API description answer without a client certificate. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIsUpAndCoversKafkaAndTheDatabase() {
        TestClients.anonymous()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "Database connections health check"))
                .body("checks.find { it.name == 'kafka' }.data.clusterId", notNullValue());
    }

    @Test
    void metricsAreServedForPrometheus() {
        TestClients.anonymous()
                .when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE jvm_threads_live_threads gauge"));
    }

    @Test
    void openApiDescribesTheHubAndItsMutualTls() {
        TestClients.anonymous()
                .queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Throughgate"))
                .body("info.version", equalTo("1"))
                .body("components.securitySchemes.agencyCertificate.type", equalTo("mutualTLS"))
                .body("paths.'/v1/whoami'.get.summary", equalTo("Who the hub sees you as"));
    }

    @Test
    void swaggerUiIsServed() {
        TestClients.anonymous()
                .when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("Throughgate API"));
    }
}
