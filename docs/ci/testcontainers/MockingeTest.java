// How a Java product's tests start mockinge with Testcontainers
// (org.testcontainers:testcontainers and :junit-jupiter, JUnit 5): the image
// of inge-harness's Containerfile, a sandbox of the test's own through the
// admin API, and the SOAP endpoint for the product's client. Copy it into
// your product's src/test/java. Not compiled or run in inge-harness's CI
// (its machines reach no Maven repository and run no container engine);
// the Go variant beside it is compiled there.
package de.example.inge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

@Testcontainers
class MockingeTest {

    /** The image built from inge-harness's Containerfile; MOCKINGE_IMAGE overrides it. */
    static final DockerImageName IMAGE = DockerImageName.parse(
            System.getenv().getOrDefault("MOCKINGE_IMAGE", "ghcr.io/your-org/mockinge:v0.2.0"));

    @Container
    static final GenericContainer<?> MOCKINGE = new GenericContainer<>(IMAGE)
            .withExposedPorts(8080, 8081)
            .waitingFor(Wait.forHttp("/bereit").forPort(8081).forStatusCode(200));

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String endpoint() {
        return "http://" + MOCKINGE.getHost() + ":" + MOCKINGE.getMappedPort(8080) + "/inge";
    }

    static String admin() {
        return "http://" + MOCKINGE.getHost() + ":" + MOCKINGE.getMappedPort(8081);
    }

    @BeforeAll
    static void sandbox() throws Exception {
        String body = "{\"name\": \"java-test\", \"benutzer\": [{\"name\": \"java-test.kt1\","
                + " \"passwort\": \"Geheim!1\", \"traegernummer\": \"10000001\"}]}";
        HttpResponse<String> resp = HTTP.send(
                HttpRequest.newBuilder(URI.create(admin() + "/sandboxes"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, resp.statusCode(), resp.body());
    }

    @Test
    void wsdlIsServed() throws Exception {
        // Your product's client against endpoint(), as user java-test.kt1
        // with password Geheim!1; here only the WSDL.
        HttpResponse<String> resp = HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint() + "?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode());
    }
}
