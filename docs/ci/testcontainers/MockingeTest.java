// How a Java product's tests run the acceptance of inge-harness with
// Testcontainers (org.testcontainers:testcontainers and :junit-jupiter,
// JUnit 5): mockinge from the image of inge-harness's Containerfile, the
// acceptance's sandbox prepared in it by certrunner -abnahme -vorbereiten,
// the cases of the Testfallheft performed by the product's client with the
// access data of zugang.env and the tasks of aufgaben.json, and the journal
// judged by certrunner -abnahme -auswerten before the container goes.
// certrunner is the release binary: CERTRUNNER names it, else it is looked
// up on PATH. Copy this into your product's src/test/java. Not compiled or
// run in inge-harness's CI (its machines reach no Maven repository and run
// no container engine); the Go variant beside it is compiled there.
package de.example.inge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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

    /** The release binary of certrunner. */
    static final String CERTRUNNER = System.getenv().getOrDefault("CERTRUNNER", "certrunner");

    /** Receives protokoll.html, junit.xml, cucumber.json and journal.zip, for your CI to keep. */
    static final Path REPORT = Path.of("target", "inge-abnahme");

    // Started before @BeforeAll and stopped after @AfterAll: the sandbox
    // and its journal are the container's.
    @Container
    static final GenericContainer<?> MOCKINGE = new GenericContainer<>(IMAGE)
            .withExposedPorts(8080, 8081)
            .waitingFor(Wait.forHttp("/bereit").forPort(8081).forStatusCode(200));

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The access data of zugang.env: INGE_ENDPOINT, INGE_BENUTZER, INGE_PASSWORT, … */
    static Map<String, String> zugang;

    /** The tasks: read them with your JSON library for a data-driven suite. */
    static Path aufgaben;

    static String endpoint() {
        return "http://" + MOCKINGE.getHost() + ":" + MOCKINGE.getMappedPort(8080) + "/inge";
    }

    static String admin() {
        return "http://" + MOCKINGE.getHost() + ":" + MOCKINGE.getMappedPort(8081);
    }

    /** Runs certrunner with its output in the test's, and returns its exit status. */
    static int certrunner(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CERTRUNNER, "-abnahme"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    /**
     * Reads the access file: one variable a line, in single quotes, as a shell reads it; a single
     * quote in a value ends the quotes, escaped, and opens them again.
     */
    static Map<String, String> readZugang(Path file) throws IOException {
        Map<String, String> z = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String value = eq < 0 ? "" : line.substring(eq + 1);
            if (value.length() < 2 || !value.startsWith("'") || !value.endsWith("'")) {
                throw new IOException(file + ": line is no NAME='value': " + line);
            }
            z.put(line.substring(0, eq), value.substring(1, value.length() - 1).replace("'\\''", "'"));
        }
        return z;
    }

    @BeforeAll
    static void vorbereiten() throws Exception {
        Path dir = Files.createTempDirectory("inge-abnahme");
        Path zugangFile = dir.resolve("zugang.env");
        aufgaben = dir.resolve("aufgaben.json");
        assertEquals(0, certrunner("-vorbereiten", "-endpoint", endpoint(), "-admin", admin(),
                "-zugang", zugangFile.toString(), "-aufgaben", aufgaben.toString()),
                "certrunner -abnahme -vorbereiten");
        zugang = readZugang(zugangFile);
    }

    @Test
    void testfaelle() throws Exception {
        // Your product's client performs the cases of the Testfallheft (the
        // tasks of aufgaben), against zugang.get("INGE_ENDPOINT") as
        // zugang.get("INGE_BENUTZER") with zugang.get("INGE_PASSWORT") for
        // Träger zugang.get("INGE_TRAEGERNUMMER"); here only the WSDL.
        HttpResponse<String> resp = HTTP.send(
                HttpRequest.newBuilder(URI.create(zugang.get("INGE_WSDL"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode());
    }

    /** Judges the journal: a case "nicht bestanden" (exit status 1) fails the class, "manuell zu prüfen" not. */
    @AfterAll
    static void auswerten() throws Exception {
        if (zugang == null) {
            return; // not prepared: nothing to judge
        }
        String sandbox = zugang.get("INGE_SANDBOX");
        int status = certrunner("-auswerten", "-endpoint", endpoint(), "-admin", admin(),
                "-sandbox", sandbox, "-report", REPORT.toString(),
                "-produkt", "Ihre Kursverwaltung", "-produkt-version", "4.2"); // your product
        Files.createDirectories(REPORT);
        HTTP.send(HttpRequest.newBuilder(URI.create(admin() + "/sandboxes/" + sandbox + "/journal.zip")).GET().build(),
                HttpResponse.BodyHandlers.ofFile(REPORT.resolve("journal.zip")));
        assertEquals(0, status, "a case is nicht bestanden: see " + REPORT.resolve("protokoll.html"));
    }
}
