package io.cairn.appliance.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Consortium administration from the command line: {@code members}, {@code onboarding}, {@code votes} and
 * {@code governance}, each a thin client of the corresponding {@code /api/v1} resource. Rich request bodies
 * (an application with its CSR and ledger identities, a founding member) are given as JSON files.
 */
final class ConsortiumCommands {
    private ConsortiumCommands() {
    }

    /** Prints a command's usage when it is called without a subcommand. */
    abstract static class Group implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "Member organisations of the consortium.",
            subcommands = {ListMembers.class, ShowMember.class, MemberHistory.class, CreateFounder.class,
                Representatives.class, Designate.class})
    static final class Members extends Group {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List members.")
    static final class ListMembers extends UsersCommand.ApiCommand {
        @Override
        public Integer call() {
            return print(client().get("/api/v1/members"));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a member by LEI.")
    static final class ShowMember extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "LEI")
        String lei;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/members/" + lei));
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "A member's status history: who, when, why.")
    static final class MemberHistory extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "LEI")
        String lei;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/members/" + lei + "/history"));
        }
    }

    @Command(name = "create-founder", mixinStandardHelpOptions = true,
            description = "Create a founding member (only before the first proposal is opened) from a JSON file.")
    static final class CreateFounder extends UsersCommand.ApiCommand {
        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The member as JSON (see the OpenAPI schema NewMember).")
        Path file;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/members", ApiClient.jsonFile(file)));
        }
    }

    @Command(name = "representatives", mixinStandardHelpOptions = true, description = "List a member's designated representatives.")
    static final class Representatives extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "LEI")
        String lei;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/members/" + lei + "/representatives"));
        }
    }

    @Command(name = "designate", mixinStandardHelpOptions = true,
            description = "Designate a user (role member) to vote for a member organisation.")
    static final class Designate extends UsersCommand.ApiCommand {
        @Parameters(index = "0", paramLabel = "LEI")
        String lei;

        @Option(names = "--username", required = true, description = "The representative's username.")
        String username;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/members/" + lei + "/representatives", Map.of("username", username)));
        }
    }

    @Command(name = "onboarding", mixinStandardHelpOptions = true,
            description = "The onboarding workflow: application, due diligence, admission vote.",
            subcommands = {Submit.class, ListApplications.class, ShowApplication.class, Tick.class, OpenVote.class,
                Reject.class})
    static final class Onboarding extends Group {
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit an application from a JSON file.")
    static final class Submit extends UsersCommand.ApiCommand {
        @Option(names = "--file", required = true, paramLabel = "FILE",
                description = "The application as JSON: applicant data, PEM CSR, ledger identities (OpenAPI schema NewApplication).")
        Path file;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/onboarding/applications", ApiClient.jsonFile(file)));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List applications.")
    static final class ListApplications extends UsersCommand.ApiCommand {
        @Override
        public Integer call() {
            return print(client().get("/api/v1/onboarding/applications"));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an application with its checklist.")
    static final class ShowApplication extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/onboarding/applications/" + id));
        }
    }

    @Command(name = "tick", mixinStandardHelpOptions = true, description = "Tick a due-diligence checklist item with evidence.")
    static final class Tick extends UsersCommand.ApiCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "ITEM")
        String item;

        @Option(names = "--evidence", required = true, description = "What was checked and the outcome.")
        String evidence;

        @Option(names = "--reference", description = "Where the evidence is kept (document id, URL).")
        String reference;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("evidence", evidence);
            if (reference != null) {
                body.put("reference", reference);
            }
            return print(client().post("/api/v1/onboarding/applications/" + id + "/checklist/" + item, body));
        }
    }

    @Command(name = "open-vote", mixinStandardHelpOptions = true, description = "Open the admission vote once the checklist is complete.")
    static final class OpenVote extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/onboarding/applications/" + id + "/vote", Map.of()));
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject an application, with reasons.")
    static final class Reject extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--reason", required = true, description = "A reason; repeat for several.")
        List<String> reasons;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/onboarding/applications/" + id + "/rejection", Map.of("reasons", reasons)));
        }
    }

    @Command(name = "votes", mixinStandardHelpOptions = true, description = "Proposals and votes.",
            subcommands = {ListProposals.class, Tally.class, Cast.class})
    static final class Votes extends Group {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List proposals.")
    static final class ListProposals extends UsersCommand.ApiCommand {
        @Override
        public Integer call() {
            return print(client().get("/api/v1/votes"));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a proposal and its tally.")
    static final class Tally extends UsersCommand.ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return print(client().get("/api/v1/votes/" + id));
        }
    }

    @Command(name = "cast", mixinStandardHelpOptions = true,
            description = "Cast or change your organisation's vote (as its designated representative).")
    static final class Cast extends UsersCommand.ApiCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--choice", required = true, description = "yes, no or abstain.")
        String choice;

        @Option(names = "--expected-revision", description = "Only cast if the organisation's vote is at this revision (0: not voted yet).")
        Long expectedRevision;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("choice", choice);
            if (expectedRevision != null) {
                body.put("expectedRevision", expectedRevision);
            }
            return print(client().put("/api/v1/votes/" + id + "/ballot", body));
        }
    }

    @Command(name = "governance", mixinStandardHelpOptions = true, description = "The consortium's governance policy.",
            subcommands = {ShowPolicy.class, PolicyHistory.class, ProposePolicy.class})
    static final class Governance extends Group {
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The current governance policy.")
    static final class ShowPolicy extends UsersCommand.ApiCommand {
        @Override
        public Integer call() {
            return print(client().get("/api/v1/governance-policy"));
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every version of the governance policy.")
    static final class PolicyHistory extends UsersCommand.ApiCommand {
        @Override
        public Integer call() {
            return print(client().get("/api/v1/governance-policy/history"));
        }
    }

    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = "Propose a new governance policy; it is voted under the current one.")
    static final class ProposePolicy extends UsersCommand.ApiCommand {
        @Option(names = "--rule", required = true, description = "majority, two-thirds, unanimity or admin-only.")
        String rule;

        @Option(names = "--quorum-percent", required = true, description = "Share of active members that must vote (0-100).")
        int quorumPercent;

        @Option(names = "--voting-window", required = true, description = "How long votes stay open, e.g. 7d or PT72H.")
        String votingWindow;

        @Option(names = "--motivation", required = true, description = "Why the change is proposed.")
        String motivation;

        @Override
        public Integer call() {
            return print(client().post("/api/v1/governance-policy/proposals", Map.of("rule", rule,
                    "quorumPercent", quorumPercent, "votingWindow", votingWindow, "motivation", motivation)));
        }
    }
}
