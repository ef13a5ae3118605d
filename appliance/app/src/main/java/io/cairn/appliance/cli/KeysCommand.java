package io.cairn.appliance.cli;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn keys ...} and {@code cairn approvals ...}: signing keys, signatures and m-of-n approvals of a
 * running appliance, each a thin client of {@code /api/v1/keys}, {@code /api/v1/approvals} and
 * {@code /api/v1/signing-requests} with the same verbs and bodies. Signing and destruction requests carry an
 * idempotency key: pass {@code --idempotency-key} to make a retry safe; when it is left out one is generated
 * and printed on standard error, so the same request can be repeated with it.
 */
final class KeysCommand {
    private KeysCommand() {
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Signing keys in key custody (HSM, Vault, software): create, rotate, disable, destroy, sign.",
            subcommands = {ListKeys.class, Show.class, Create.class, Rotate.class, Disable.class, Destroy.class,
                SignDigest.class, SignEthereumTransaction.class, SignEthereumMessage.class, SignEthereumTypedData.class,
                SignFabric.class, SignCorda.class, Request.class})
    static final class Keys extends ConsortiumCommands.Group {
    }

    @Command(name = "approvals", mixinStandardHelpOptions = true,
            description = "Signing and key-destruction requests waiting for m-of-n approval.",
            subcommands = {ListApprovals.class, Approve.class, Reject.class})
    static final class Approvals extends ConsortiumCommands.Group {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys.")
    static final class ListKeys extends UsersCommand.ApiCommand {
        @Override
        public Integer call() {
            return print(client().get("/api/v1/keys"));
        }
    }

    /** A command about one key. */
    abstract static class KeyCommand extends UsersCommand.ApiCommand {
        @Parameters(index = "0", paramLabel = "ALIAS", description = "The key's alias.")
        String alias;

        String keyPath(String suffix) {
            return "/api/v1/keys/" + alias + suffix;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a key: versions, public keys, Ethereum address, attestation, policy.")
    static final class Show extends KeyCommand {
        @Override
        public Integer call() {
            return print(client().get(keyPath("")));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key in a custody backend.")
    static final class Create extends KeyCommand {
        @Option(names = "--backend", required = true, description = "Custody backend: pkcs11, vault or software.")
        String backend;

        @Option(names = "--curve", required = true, description = "secp256k1, p-256 or ed25519.")
        String curve;

        @Option(names = "--purpose", required = true, description = "ledger-transaction, certificate-authority, "
                + "journal-checkpoint or report-seal.")
        String purpose;

        @Option(names = "--policy-file", paramLabel = "FILE", description = "The signing policy as JSON (OpenAPI "
                + "schema PolicyDocument: chainIds, contracts, valueLimit, ratePerMinute, requiredApprovals, ...).")
        Path policy;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("alias", alias);
            body.put("backend", backend);
            body.put("curve", curve);
            body.put("purpose", purpose);
            if (policy != null) {
                body.put("policy", ApiClient.jsonFile(policy));
            }
            return print(client().post("/api/v1/keys", body));
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Create a new key version that signs from now on; old versions stay for verification.")
    static final class Rotate extends KeyCommand {
        @Override
        public Integer call() {
            return print(client().post(keyPath("/rotate"), Map.of()));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop a key from signing.")
    static final class Disable extends KeyCommand {
        @Override
        public Integer call() {
            return print(client().post(keyPath("/disable"), Map.of()));
        }
    }

    /** A request that carries an idempotency key. */
    abstract static class IdempotentCommand extends KeyCommand {
        @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Makes a retry return the same "
                + "answer (1 to 200 printable characters). Default: a new key, printed on standard error.")
        String idempotencyKey;

        String idempotencyKey() {
            if (idempotencyKey == null) {
                idempotencyKey = "cli-" + UUID.randomUUID();
                spec.commandLine().getErr().println("idempotency key: " + idempotencyKey
                        + " (repeat with --idempotency-key " + idempotencyKey + " to retry safely)");
            }
            return idempotencyKey;
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = "Ask for a key's destruction; carried out once other consortium admins approve.")
    static final class Destroy extends IdempotentCommand {
        @Override
        public Integer call() {
            return print(client().post(keyPath("/destroy"), Map.of("idempotencyKey", idempotencyKey())));
        }
    }

    @Command(name = "sign-digest", mixinStandardHelpOptions = true, description = "Sign a 32-byte digest "
            + "(certificates, journal checkpoints, report seals). Prints the signature, or the pending request.")
    static final class SignDigest extends IdempotentCommand {
        @Option(names = "--digest", required = true, paramLabel = "HEX", description = "32 bytes as 64 hex digits.")
        String digest;

        @Option(names = "--purpose", required = true,
                description = "certificate-authority, journal-checkpoint or report-seal.")
        String purpose;

        @Override
        public Integer call() {
            return print(client().post(keyPath("/sign/digest"), Map.of("idempotencyKey", idempotencyKey(),
                    "digest", digest, "purpose", purpose)));
        }
    }

    /**
     * Signs through one of the appliance's ledger formats: {@code cairn keys sign-<format>} posts to
     * {@code /api/v1/keys/{alias}/sign/<format>}.
     */
    abstract static class LedgerCommand extends IdempotentCommand {
        abstract Object transaction();

        @Override
        public Integer call() {
            Object transaction = transaction();
            String format = spec.name().substring("sign-".length());
            return print(client().post(keyPath("/sign/" + format), Map.of("idempotencyKey", idempotencyKey(),
                    "transaction", transaction)));
        }
    }

    /** A ledger format whose transaction is a JSON document in a file. */
    abstract static class JsonFileCommand extends LedgerCommand {
        @Option(names = "--file", required = true, paramLabel = "FILE",
                description = "The JSON document described above (at most 1 MiB).")
        Path file;
    }

    @Command(name = "sign-ethereum-transaction", mixinStandardHelpOptions = true,
            description = {"Sign an EIP-155 (legacy) or EIP-1559 transaction; prints raw transaction, hash and sender.",
                "The file holds type (legacy|eip1559), chainId, nonce, gasPrice or maxPriorityFeePerGas and "
                    + "maxFeePerGas, gasLimit, to, value, data."})
    static final class SignEthereumTransaction extends JsonFileCommand {
        @Override
        Object transaction() {
            return ApiClient.jsonFile(file);
        }
    }

    @Command(name = "sign-ethereum-message", mixinStandardHelpOptions = true,
            description = "personal_sign (EIP-191) a message of at most 64 KiB; prints r||s||v and the address.")
    static final class SignEthereumMessage extends LedgerCommand {
        @Option(names = "--message", required = true, description = "The message: UTF-8 text, or hex with --encoding hex.")
        String message;

        @Option(names = "--encoding", defaultValue = "utf8", description = "utf8 (default) or hex.")
        String encoding;

        @Override
        Object transaction() {
            return Map.of("message", message, "encoding", encoding);
        }
    }

    @Command(name = "sign-ethereum-typed-data", mixinStandardHelpOptions = true,
            description = {"Sign EIP-712 typed data; prints r||s||v, the digest and the address.",
                "The file holds eth_signTypedData_v4 JSON (types, primaryType, domain, message; at most 64 KiB)."})
    static final class SignEthereumTypedData extends JsonFileCommand {
        @Override
        Object transaction() {
            return Map.of("typedData", ApiClient.jsonFile(file));
        }
    }

    @Command(name = "sign-fabric", mixinStandardHelpOptions = true, description = "Sign Fabric proposal or "
            + "transaction bytes with a P-256 key: DER ECDSA, low S, over their SHA-256.")
    static final class SignFabric extends LedgerCommand {
        @Option(names = "--payload-file", required = true, paramLabel = "FILE",
                description = "The serialised proposal or payload bytes (binary, at most 1 MiB).")
        Path payload;

        @Override
        Object transaction() {
            try {
                if (Files.size(payload) > 1024 * 1024) {
                    throw new CairnException(ErrorCode.SIGN_INPUT_TOO_LARGE, payload + " is larger than 1 MiB");
                }
                return Map.of("payload", Base64.getEncoder().encodeToString(Files.readAllBytes(payload)));
            } catch (IOException e) {
                throw new CairnException(ErrorCode.SIGN_INVALID_INPUT, payload + " is not readable: " + e.getMessage());
            }
        }
    }

    @Command(name = "sign-corda", mixinStandardHelpOptions = true,
            description = "Sign a Corda transaction id in the key's Corda scheme (Ed25519 or ECDSA).")
    static final class SignCorda extends LedgerCommand {
        @Option(names = "--transaction-id", required = true, paramLabel = "HEX",
                description = "The SecureHash.SHA256 transaction id, 64 hex digits.")
        String transactionId;

        @Option(names = "--platform-version", required = true, paramLabel = "N",
                description = "The signing node's Corda platform version, for the signature metadata.")
        int platformVersion;

        @Override
        Object transaction() {
            return Map.of("transactionId", transactionId, "platformVersion", platformVersion);
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Show a signing request and, once signed, its signature.")
    static final class Request extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/signing-requests/" + id));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List requests, newest first.")
    static final class ListApprovals extends UsersCommand.ApiCommand {
        @Option(names = "--state", defaultValue = "pending",
                description = "pending (default), approved, signed, completed, rejected, expired or all.")
        String state;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many (1 to 1000; default 100).")
        int limit;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/approvals?state=" + state + "&limit=" + limit));
        }
    }

    /** Approves or rejects a request: {@code POST /api/v1/approvals/{id}/<command name>}. */
    abstract static class Decision extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/approvals/" + id + "/" + spec.name(), Map.of()));
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a request; the m-th approval signs (or destroys) at once.")
    static final class Approve extends Decision {
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a request; it ends at once.")
    static final class Reject extends Decision {
    }
}
