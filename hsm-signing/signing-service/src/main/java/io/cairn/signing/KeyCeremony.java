package io.cairn.signing;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.custody.spi.KeyAttestation;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds the key-ceremony records (who, when, what, backend attestation) written for every lifecycle event. */
final class KeyCeremony {
    private KeyCeremony() {
    }

    /** A ceremony event of type {@code signing.key-<what>} for one key version. */
    static AuditEvent event(String what, String actor, ManagedKey key, KeyVersion version, Instant at,
                            Map<String, String> extra) {
        SortedMap<String, String> a = new TreeMap<>(extra);
        a.put("alias", key.alias());
        a.put("backend", key.backend());
        a.put("curve", key.curve().label());
        a.put("purpose", key.purpose().label());
        a.put("key.version", Integer.toString(version.version()));
        a.put("key.handle", version.handle().toString());
        a.put("key.public-key", version.publicKey().hex());
        EthereumAddress.of(version.publicKey()).ifPresent(addr -> a.put("key.ethereum-address", addr));
        attestation(a, version.attestation());
        return new AuditEvent("signing.key-" + what, actor, "key:" + key.alias(), at, java.util.Optional.empty(),
                java.util.Optional.empty(), a);
    }

    private static void attestation(SortedMap<String, String> a, KeyAttestation att) {
        a.put("attestation.protection", att.protection().name().toLowerCase(java.util.Locale.ROOT));
        a.put("attestation.on-token", Boolean.toString(att.onToken()));
        a.put("attestation.sensitive", Boolean.toString(att.sensitive()));
        a.put("attestation.non-extractable", Boolean.toString(att.nonExtractable()));
        a.put("attestation.generated-in-custody", Boolean.toString(att.generatedInCustody()));
        a.put("attestation.never-leaves-custody", Boolean.toString(att.keyNeverLeavesCustody()));
        a.put("attestation.attested-at", att.attestedAt().toString());
        att.evidence().forEach((name, value) -> a.put("attestation.evidence." + attributeName(name), value));
    }

    private static String attributeName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return lower.length() > 80 ? lower.substring(0, 80) : lower;
    }
}
