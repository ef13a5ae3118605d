package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reproducible build of the anchoring contract: recompiles the committed standard-JSON input with solc-js
 * 0.8.37 and fails when the committed bytecode or ABI does not match the Solidity source.
 */
@Tag("integration")
class CairnAnchorBytecodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path solidityDir() {
        return TestTools.repositoryRoot().orElseThrow().resolve("connectors/evm/src/main/solidity");
    }

    @Test
    void committedInputEmbedsTheCurrentSource() throws IOException {
        JsonNode input = JSON.readTree(solidityDir().resolve("CairnAnchor.input.json").toFile());
        String embedded = input.path("sources").path("CairnAnchor.sol").path("content").asText();
        assertThat(embedded).isEqualTo(Files.readString(solidityDir().resolve("CairnAnchor.sol")));
        assertThat(input.path("settings").path("evmVersion").asText()).isEqualTo("london");
        assertThat(input.path("settings").path("optimizer").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void recompilingTheCommittedInputGivesTheCommittedArtefacts() throws Exception {
        TestTools.requireOnPath("node");
        Path solcjs = TestTools.require("node_modules/.bin/solcjs", "solc-js 0.8.37");
        JsonNode output = compile(solcjs, solidityDir().resolve("CairnAnchor.input.json"));

        JsonNode contract = output.path("contracts").path("CairnAnchor.sol").path("CairnAnchor");
        assertThat(output.path("errors").findValuesAsText("severity")).doesNotContain("error");
        assertThat(contract.path("evm").path("bytecode").path("object").asText())
                .as("committed creation bytecode matches the source; run src/main/solidity/compile.sh")
                .isEqualTo(AnchorContractArtifacts.creationBytecode());
        assertThat(contract.path("evm").path("deployedBytecode").path("object").asText())
                .isEqualTo(AnchorContractArtifacts.runtimeBytecode());
        assertThat(contract.path("abi")).isEqualTo(JSON.readTree(AnchorContractArtifacts.abiJson()));
    }

    private static JsonNode compile(Path solcjs, Path input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(solcjs.toString(), "--standard-json")
                .redirectInput(input.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return JSON.readTree(stdout.substring(stdout.indexOf('{')));
    }
}
