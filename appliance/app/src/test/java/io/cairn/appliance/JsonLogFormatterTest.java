package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.http.Json;
import io.cairn.kernel.logging.LogContext;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {
    @AfterEach
    void clear() {
        LogContext.clear();
    }

    @Test
    void eachLineIsOneJsonObjectWithTheRequestContext() throws Exception {
        LogContext.put("requestId", "req-1");
        LogContext.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        LogContext.put("user", "alice");
        LogRecord record = new LogRecord(Level.WARNING, "quote \" and newline \n inside");
        record.setLoggerName("io.cairn.test");
        String line = new JsonLogFormatter().format(record);
        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.trim()).doesNotContain("\n");
        JsonNode json = Json.mapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("io.cairn.test");
        assertThat(json.get("message").asText()).isEqualTo("quote \" and newline \n inside");
        assertThat(json.get("requestId").asText()).isEqualTo("req-1");
        assertThat(json.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.get("user").asText()).isEqualTo("alice");
        assertThat(json.get("time").asText()).endsWith("Z");
    }

    @Test
    void failuresCarryTheirClassAndTraceInTheLogOnly() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "request failed");
        record.setThrown(new IllegalStateException("boom"));
        JsonNode json = Json.mapper().readTree(new JsonLogFormatter().format(record));
        assertThat(json.get("level").asText()).isEqualTo("ERROR");
        assertThat(json.get("exception").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("stackTrace").asText()).contains("JsonLogFormatterTest");
    }
}
