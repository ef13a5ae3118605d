package io.cairn.appliance.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn tokens ...}: issue, list and revoke API tokens of a running appliance. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Issue, list and revoke API tokens.",
        subcommands = {TokensCommand.Issue.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a token. The secret is printed once; store it safely.")
    static final class Issue extends UsersCommand.ApiCommand {
        @Option(names = "--user", description = "Owner (administrators only). Default: yourself.")
        String user;

        @Option(names = "--name", required = true, description = "What the token is for.")
        String name;

        @Option(names = "--scope", split = ",", description = "Roles the token may use (default: all of the owner's).")
        List<String> scopes;

        @Option(names = "--ttl-seconds", description = "Lifetime in seconds (default: security.tokens.default-ttl).")
        Long ttlSeconds;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            if (scopes != null) {
                body.put("scopes", scopes);
            }
            if (ttlSeconds != null) {
                body.put("ttlSeconds", ttlSeconds);
            }
            String path = user == null ? "/api/v1/me/tokens" : "/api/v1/users/" + user + "/tokens";
            return print(client().post(path, body));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's tokens (never their secrets).")
    static final class ListTokens extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "USERNAME")
        String user;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/users/" + user + "/tokens"));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static final class Revoke extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "TOKEN-ID")
        String id;

        @Override
        public Integer call() {
            return print(client().delete("/api/v1/tokens/" + id));
        }
    }
}
