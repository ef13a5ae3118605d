package io.cairn.appliance.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn users ...}: manage users of a running appliance through its API. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage users of a running appliance.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Show.class, UsersCommand.Create.class,
            UsersCommand.Disable.class, UsersCommand.Enable.class})
final class UsersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared plumbing: API options and output. */
    abstract static class ApiCommand implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        ApiClient client() {
            return ApiClient.of(api);
        }

        int print(com.fasterxml.jackson.databind.JsonNode node) {
            spec.commandLine().getOut().println(ApiClient.pretty(node));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    static final class ListUsers extends ApiCommand {
        @Override
        public Integer call() {
            return print(client().get("/api/v1/users"));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one user.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/users/" + username));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user.")
    static final class Create extends ApiCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--display-name", required = true, description = "Human name.")
        String displayName;

        @Option(names = "--role", required = true, split = ",", description = "Role(s): consortium-admin, operator, "
                + "compliance-officer, auditor, member. Repeat or separate with commas.")
        List<String> roles;

        @Option(names = "--client-certificate-sha256", description = "Bind a TLS client certificate (SHA-256 of its DER encoding).")
        String certificate;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("displayName", displayName);
            body.put("roles", roles);
            if (certificate != null) {
                body.put("clientCertificateSha256", certificate);
            }
            return print(client().post("/api/v1/users", body));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: its tokens and certificate stop working at once.")
    static final class Disable extends ApiCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/users/" + username + "/disable", Map.of()));
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a user again.")
    static final class Enable extends ApiCommand {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/users/" + username + "/enable", Map.of()));
        }
    }
}
