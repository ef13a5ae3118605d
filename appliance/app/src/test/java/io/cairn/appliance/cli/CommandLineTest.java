package io.cairn.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(10);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage: cairn");
        }
    }

    private static void collect(CommandLine cli, List<String> prefix, List<List<String>> paths) {
        paths.add(List.copyOf(prefix));
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> next = new ArrayList<>(prefix);
                next.add(name);
                collect(sub, next, paths);
            }
        });
    }

    @Test
    void versionPrintsTheVersion() {
        Run run = run("version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("cairn ").contains("java ");
    }

    @Test
    void configCheckNamesATypoedKeyAndItsLine() throws IOException {
        Path file = dir.resolve("cairn.yaml");
        Files.writeString(file, "server:\n  host: 127.0.0.1\n  prot: 9000\nlogging:\n  level: loud\n");
        Run run = run("config", "check", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":3:3: CAIRN-CONF-0001 unknown key 'server.prot' (did you mean 'server.port'?)");
        assertThat(run.err()).contains(file + ":5:3: CAIRN-CONF-0002 invalid value for 'logging.level'");
        assertThat(run.err()).contains("2 problem(s) found");
    }

    @Test
    void configCheckAcceptsAValidFile() throws IOException {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "server:\n  port: 9443\nstorage:\n  pool:\n    max-size: 4\n");
        Run run = run("config", "check", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("configuration is valid");
    }

    @Test
    void configCheckReportsAMissingFile() {
        Run run = run("config", "check", dir.resolve("absent.yaml").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("CAIRN-CONF-0003");
    }

    @Test
    void configReferenceListsEveryKey() {
        Run run = run("config", "reference");
        assertThat(run.out()).contains("`storage.url`", "`CAIRN_SERVER_PORT`", "`server.tls.client-auth`");
    }

    @Test
    void proofVerificationIsWiredWithItsExitCodes() throws Exception {
        byte[] entry = "entry".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        String leaf = java.util.Base64.getEncoder().encodeToString(sha.digest(entry));
        Path valid = dir.resolve("valid.json");
        Files.writeString(valid, "{\"leafIdx\":0,\"treeSize\":1,\"root\":\"" + leaf + "\",\"leafHash\":\"" + leaf
                + "\",\"proof\":[]}");
        assertThat(run("proof", "verify-inclusion", valid.toString()).exit()).isZero();
        Path wrongRoot = dir.resolve("wrong.json");
        Files.writeString(wrongRoot, "{\"leafIdx\":0,\"treeSize\":1,\"root\":\"" + "A".repeat(43) + "=\",\"leafHash\":\""
                + leaf + "\",\"proof\":[]}");
        assertThat(run("proof", "verify-inclusion", wrongRoot.toString()).exit()).isEqualTo(1);
        Path malformed = dir.resolve("malformed.json");
        Files.writeString(malformed, "{\"size1\": 1");
        assertThat(run("proof", "verify-consistency", malformed.toString()).exit()).isEqualTo(2);
    }

    @Test
    void operatorCommandsWithoutATokenSaySo() {
        Run run = run("users", "list", "--url", "http://127.0.0.1:1", "--token", "");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("CAIRN-AUTH-0001").contains("CAIRN_TOKEN");
    }
}
